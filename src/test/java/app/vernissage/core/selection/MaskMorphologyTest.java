package app.vernissage.core.selection;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.history.MaskRegionEdit;
import org.junit.jupiter.api.Test;

import static app.vernissage.core.selection.MaskShapesTest.doc;
import static app.vernissage.core.selection.MaskShapesTest.picture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskMorphologyTest {
    @Test
    void growIsAnExactDisc() {
        Document d = doc(9, 9);
        MaskShapes.rectangle(d, new PixelRect(4, 4, 1, 1), SelectionMode.ADD);
        MaskRegionEdit e = MaskMorphology.grow(d, 3);
        // dx^2 + dy^2 <= 9: not a square (3 repeated 3x3 steps) nor a diamond.
        assertEquals("""
                .........
                ....#....
                ..#####..
                ..#####..
                .#######.
                ..#####..
                ..#####..
                ....#....
                .........
                """, picture(d));
        assertEquals(new PixelRect(1, 1, 7, 7), e.area());
        e.undo(d);
        assertEquals(1, count(d));
    }

    @Test
    void shrinkRemovesARingAndIgnoresThePictureBorder() {
        Document d = doc(8, 6);
        MaskShapes.rectangle(d, new PixelRect(0, 0, 6, 6), SelectionMode.ADD);
        MaskRegionEdit e = MaskMorphology.shrink(d, 2);
        assertEquals("""
                ####....
                ####....
                ####....
                ####....
                ####....
                ####....
                """, picture(d));
        assertEquals(new PixelRect(4, 0, 2, 6), e.area());
        Document diag = doc(7, 7);
        MaskShapes.rectangle(diag, new PixelRect(1, 1, 5, 5), SelectionMode.ADD);
        MaskMorphology.shrink(diag, 1);
        assertEquals("""
                .......
                .......
                ..###..
                ..###..
                ..###..
                .......
                .......
                """, picture(diag));
    }

    @Test
    void shrinkThenGrowOfARectangleRoundsItsCorners() {
        Document d = doc(12, 12);
        MaskShapes.rectangle(d, new PixelRect(1, 1, 10, 10), SelectionMode.ADD);
        MaskMorphology.shrink(d, 3);
        MaskMorphology.grow(d, 3);
        String p = picture(d);
        assertEquals('.', p.charAt(1 * 13 + 1), "corner pixel (1,1) is further than 3 from the shrunk square");
        assertEquals('#', p.charAt(1 * 13 + 4));
        assertEquals('#', p.charAt(4 * 13 + 1));
        assertEquals('#', p.charAt(2 * 13 + 2), "(2,2) is sqrt(8) < 3 from (4,4)");
    }

    @Test
    void nothingToDoGivesNoEdit() {
        Document d = doc(5, 5);
        assertNull(MaskMorphology.grow(d, 4));
        assertNull(MaskMorphology.shrink(d, 4));
        assertNull(MaskMorphology.feather(d, 4));
        MaskShapes.rectangle(d, d.bounds(), SelectionMode.ADD);
        assertNull(MaskMorphology.grow(d, 2), "already full");
        assertNull(MaskMorphology.shrink(d, 2), "the border does not shrink a full mask");
        assertNull(MaskMorphology.feather(d, 2), "a full mask stays full");
    }

    @Test
    void featherIsASymmetricGaussianRamp() {
        Document d = doc(20, 3);
        MaskShapes.rectangle(d, new PixelRect(10, 0, 10, 3), SelectionMode.ADD);
        MaskRegionEdit e = MaskMorphology.feather(d, 4);
        float[] k = MaskMorphology.gaussian(4);
        for (int x = 0; x < 20; x++) {
            double expected = 0;
            for (int j = -4; j <= 4; j++) {
                expected += k[j + 4] * (Math.clamp(x + j, 0, 19) >= 10 ? 255 : 0);
            }
            for (int y = 0; y < 3; y++) {
                assertEquals(Math.round(expected), d.mask().valueAt(x, y), 1, "x=" + x);
            }
        }
        assertEquals(0, d.mask().valueAt(5, 1));
        assertEquals(255, d.mask().valueAt(14, 1));
        for (int x = 6; x < 10; x++) {
            assertEquals(255, d.mask().valueAt(x, 1) + d.mask().valueAt(19 - x, 1), 1, "symmetric at " + x);
            assertTrue(d.mask().valueAt(x, 1) < d.mask().valueAt(x + 1, 1));
        }
        assertEquals(new PixelRect(6, 0, 8, 3), e.area());
        byte[] after = d.mask().values().clone();
        e.undo(d);
        e.redo(d);
        assertArrayEquals(after, d.mask().values());
    }

    @Test
    void growShrinkAndFeatherAreFastOn4096() {
        Document d = doc(4096, 4096);
        MaskShapes.polygon(d, new double[]{300, 3800, 2000}, new double[]{200, 900, 3900}, SelectionMode.ADD);
        long t = System.nanoTime();
        MaskRegionEdit g = MaskMorphology.grow(d, 120);
        MaskRegionEdit s = MaskMorphology.shrink(d, 120);
        long ms = (System.nanoTime() - t) / 1_000_000;
        assertTrue(g != null && s != null);
        assertTrue(ms < 5000, "grow + shrink by 120 px on 4096x4096 took " + ms + " ms");
        t = System.nanoTime();
        assertTrue(MaskMorphology.feather(d, 40) != null);
        ms = (System.nanoTime() - t) / 1_000_000;
        assertTrue(ms < 5000, "feather by 40 px on 4096x4096 took " + ms + " ms");
        assertEquals(255, d.mask().valueAt(2000, 1500), "inside stays");
        assertEquals(0, d.mask().valueAt(100, 4000), "outside stays");
    }

    private static int count(Document d) {
        int n = 0;
        for (byte b : d.mask().values()) {
            n += b != 0 ? 1 : 0;
        }
        return n;
    }
}
