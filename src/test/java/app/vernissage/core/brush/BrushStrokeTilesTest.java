package app.vernissage.core.brush;

import app.vernissage.core.document.Document;
import app.vernissage.core.history.MaskRegionEdit;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stroke keeps the mask before it per tile; undo must still give back every byte exactly. */
class BrushStrokeTilesTest {
    @Test
    void undoRestoresARandomMaskAcrossTileAndPictureEdges() {
        int w = 203;
        int h = 131;
        Document doc = new Document(PixelImage.filled(w, h, 0xFF000000), null);
        SplittableRandom random = new SplittableRandom(11);
        byte[] values = doc.mask().values();
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) random.nextInt(256);
        }
        for (boolean eraser : new boolean[]{false, true}) {
            byte[] before = values.clone();
            BrushStroke stroke = BrushStroke.begin(doc, new Brush(31, 0.4, eraser), -5, 3);
            stroke.continueTo(120, 70);
            stroke.continueTo(200, 128);
            stroke.continueTo(60, 125);
            byte[] after = values.clone();
            MaskRegionEdit edit = stroke.finish();
            assertEquals(stroke.touched(), edit.area());
            edit.undo(doc);
            assertArrayEquals(before, values);
            edit.redo(doc);
            assertArrayEquals(after, values);
        }
    }
}
