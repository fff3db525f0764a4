package app.vernissage.core.history;

import app.vernissage.core.brush.Brush;
import app.vernissage.core.brush.BrushStroke;
import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryTest {
    private static Document noisy(int w, int h) {
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF000000 | ((i * 40503) & 0xFFFFFF);
        }
        return new Document(new PixelImage(w, h, px, false), null);
    }

    @Test
    void undoRestoresTheExactMaskBytesAndRedoTheStroke() {
        Document doc = noisy(120, 80);
        History history = new History();
        history.add(MaskOperations.fill(doc, new PixelRect(5, 5, 30, 20), 77));
        byte[] beforeStroke = doc.mask().values().clone();
        BrushStroke stroke = BrushStroke.begin(doc, new Brush(13, 0.3, false), 10, 10);
        stroke.continueTo(100, 70);
        history.add(stroke.finish());
        byte[] afterStroke = doc.mask().values().clone();

        history.undo(doc);
        assertArrayEquals(beforeStroke, doc.mask().values());
        history.redo(doc);
        assertArrayEquals(afterStroke, doc.mask().values());
        history.undo(doc);
        history.undo(doc);
        assertTrue(doc.mask().isEmpty());
        assertFalse(history.canUndo());
        assertTrue(history.canRedo());
    }

    @Test
    void aNewEditDropsTheRedoSteps() {
        Document doc = noisy(20, 20);
        History history = new History();
        history.add(MaskOperations.invert(doc));
        history.undo(doc);
        history.add(MaskOperations.fill(doc, new PixelRect(0, 0, 3, 3), 255));
        assertFalse(history.canRedo());
        assertEquals(9 * 2 + 64, history.bytes());
    }

    @Test
    void memoryStaysWithinTheBoundDroppingTheOldest() {
        Document doc = noisy(100, 100);
        History history = new History(50_000, 1000);
        for (int i = 0; i < 10; i++) {
            history.add(MaskOperations.invert(doc));
        }
        assertTrue(history.bytes() <= 50_000, "bytes " + history.bytes());
        assertEquals(2, history.undoCount());
        History few = new History(1L << 30, 3);
        for (int i = 0; i < 5; i++) {
            few.add(MaskOperations.invert(doc));
        }
        assertEquals(3, few.undoCount());
    }

    @Test
    void maskOperations() {
        Document doc = noisy(10, 10);
        MaskOperations.fill(doc, new PixelRect(8, 8, 5, 5), 200);
        assertEquals(200, doc.mask().valueAt(9, 9));
        assertEquals(0, doc.mask().valueAt(7, 9));
        MaskOperations.invert(doc);
        assertEquals(55, doc.mask().valueAt(9, 9));
        assertEquals(255, doc.mask().valueAt(0, 0));
        MaskOperations.clear(doc);
        assertTrue(doc.mask().isEmpty());
    }

    @Test
    void anAcceptedResultStoresOnlyItsChangedRectangle() {
        Document doc = noisy(64, 48);
        int[] original = doc.image().argb().clone();
        PixelImage result = doc.image().copy();
        for (int y = 10; y < 20; y++) {
            for (int x = 30; x < 35; x++) {
                result.argb()[y * 64 + x] = 0xFF00FF00;
            }
        }
        History history = new History();
        ImageRegionEdit edit = ImageRegionEdit.replaceWith(doc, result, "Generate");
        history.add(edit);
        assertEquals(new PixelRect(30, 10, 5, 10), edit.area());
        assertEquals(50, edit.before().length);
        assertArrayEquals(result.argb(), doc.image().argb());
        history.undo(doc);
        assertArrayEquals(original, doc.image().argb());
        history.redo(doc);
        assertArrayEquals(result.argb(), doc.image().argb());
        assertNull(ImageRegionEdit.replaceWith(doc, doc.image().copy(), "same"));
    }
}
