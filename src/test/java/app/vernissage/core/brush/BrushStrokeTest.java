package app.vernissage.core.brush;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.history.MaskRegionEdit;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrushStrokeTest {
    private static Document blank(int w, int h) {
        return new Document(PixelImage.filled(w, h, 0xFF808080), null);
    }

    @Test
    void aFastDragLeavesNoGap() {
        Document doc = blank(100, 30);
        BrushStroke stroke = BrushStroke.begin(doc, new Brush(9, 0.5, false), 10, 10);
        stroke.continueTo(90, 10);
        for (int x = 10; x <= 89; x++) {
            assertTrue(doc.mask().valueAt(x, 10) > 0, "gap at x=" + x);
            assertEquals(255, doc.mask().valueAt(x, 9), "centre line at x=" + x);
        }
        assertEquals(0, doc.mask().valueAt(10, 20));
        assertEquals(0, doc.mask().valueAt(97, 10));
    }

    @Test
    void manySmallMovesAlsoLeaveNoGap() {
        Document doc = blank(100, 30);
        BrushStroke stroke = BrushStroke.begin(doc, new Brush(4, 1, false), 5, 15);
        for (double x = 5.3; x < 95; x += 0.3) {
            stroke.continueTo(x, 15);
        }
        for (int x = 5; x < 94; x++) {
            assertEquals(255, doc.mask().valueAt(x, 15), "x=" + x);
        }
    }

    @Test
    void hardnessOneGivesAHardEdgeAndZeroASoftOne() {
        Document hard = blank(60, 60);
        BrushStroke.begin(hard, new Brush(31, 1, false), 30, 30).finish();
        Document soft = blank(60, 60);
        BrushStroke.begin(soft, new Brush(31, 0, false), 30, 30).finish();
        int partialHard = 0;
        int partialSoft = 0;
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 60; x++) {
                int h = hard.mask().valueAt(x, y);
                int s = soft.mask().valueAt(x, y);
                partialHard += h > 0 && h < 255 ? 1 : 0;
                partialSoft += s > 0 && s < 255 ? 1 : 0;
            }
        }
        assertEquals(0, partialHard, "a hard brush has only 0 and 255");
        assertTrue(partialSoft > 500, "a soft brush fades: " + partialSoft);
        assertEquals(255, hard.mask().valueAt(30, 30));
        assertEquals(255, hard.mask().valueAt(44, 30));
        assertEquals(0, hard.mask().valueAt(46, 30));
        assertTrue(soft.mask().valueAt(30, 30) > 240);
        assertTrue(soft.mask().valueAt(42, 30) < 100, "soft near the rim: " + soft.mask().valueAt(42, 30));
    }

    @Test
    void coverageMaxCombinesSoRepeatedDabsDoNotBuildUp() {
        Document doc = blank(60, 60);
        BrushStroke stroke = BrushStroke.begin(doc, new Brush(21, 0, false), 30, 30);
        int once = doc.mask().valueAt(38, 30);
        stroke.continueTo(30.4, 30);
        stroke.continueTo(30, 30);
        stroke.continueTo(30.4, 30);
        assertEquals(once, doc.mask().valueAt(38, 30));
    }

    @Test
    void eraserRemovesMask() {
        Document doc = blank(40, 40);
        BrushStroke.begin(doc, new Brush(40, 1, false), 20, 20).finish();
        assertEquals(255, doc.mask().valueAt(20, 20));
        BrushStroke erase = BrushStroke.begin(doc, new Brush(6, 1, true), 20, 20);
        MaskRegionEdit edit = erase.finish();
        assertNotNull(edit);
        assertEquals(0, doc.mask().valueAt(20, 20));
        assertEquals(255, doc.mask().valueAt(30, 20));
    }

    @Test
    void theEditKeepsOnlyTheChangedRectangle() {
        Document doc = blank(200, 200);
        BrushStroke stroke = BrushStroke.begin(doc, new Brush(9, 1, false), 50, 50);
        stroke.continueTo(60, 50);
        MaskRegionEdit edit = stroke.finish();
        PixelRect r = edit.area();
        assertTrue(r.width() <= 22 && r.height() <= 12, "rectangle " + r);
        assertEquals(r.area(), edit.before().length);
        assertEquals(r.area(), edit.after().length);
        assertTrue(doc.isDirty());
    }

    @Test
    void erasingNothingMakesNoEdit() {
        Document doc = blank(40, 40);
        assertNull(BrushStroke.begin(doc, new Brush(10, 1, true), 20, 20).finish());
    }

    @Test
    void dabsAtTheBorderAreClipped() {
        Document doc = blank(20, 20);
        BrushStroke stroke = BrushStroke.begin(doc, new Brush(30, 1, false), -5, -5);
        stroke.continueTo(25, 25);
        assertNotNull(stroke.finish());
        assertEquals(255, doc.mask().valueAt(0, 0));
        assertEquals(255, doc.mask().valueAt(19, 19));
    }
}
