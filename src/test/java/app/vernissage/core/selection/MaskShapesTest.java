package app.vernissage.core.selection;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.history.MaskRegionEdit;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskShapesTest {
    static Document doc(int w, int h) {
        return new Document(PixelImage.filled(w, h, 0xFF808080), null);
    }

    /** The mask as rows of '#' (255), '.' (0) and '+' (between). */
    static String picture(Document d) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < d.height(); y++) {
            for (int x = 0; x < d.width(); x++) {
                int v = d.mask().valueAt(x, y);
                sb.append(v == 255 ? '#' : v == 0 ? '.' : '+');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void rectangleAddsThenSubtractsAndUndoRestores() {
        Document d = doc(6, 4);
        MaskRegionEdit add = MaskShapes.rectangle(d, new PixelRect(1, 1, 4, 2), SelectionMode.ADD);
        assertEquals("""
                ......
                .####.
                .####.
                ......
                """, picture(d));
        assertEquals(new PixelRect(1, 1, 4, 2), add.area());
        MaskRegionEdit sub = MaskShapes.rectangle(d, new PixelRect(2, 0, 2, 4), SelectionMode.SUBTRACT);
        assertEquals("""
                ......
                .#..#.
                .#..#.
                ......
                """, picture(d));
        assertEquals(new PixelRect(2, 1, 2, 2), sub.area(), "the edit keeps only what changed");
        sub.undo(d);
        add.undo(d);
        assertTrue(d.mask().isEmpty());
        assertNull(MaskShapes.rectangle(d, new PixelRect(2, 0, 2, 4), SelectionMode.SUBTRACT));
        assertNull(MaskShapes.rectangle(d, new PixelRect(10, 10, 3, 3), SelectionMode.ADD));
    }

    @Test
    void rectangleIsClippedToThePicture() {
        Document d = doc(4, 3);
        MaskRegionEdit e = MaskShapes.rectangle(d, new PixelRect(-5, 2, 7, 9), SelectionMode.ADD);
        assertEquals(new PixelRect(0, 2, 2, 1), e.area());
        assertEquals("....\n....\n##..\n", picture(d));
    }

    @Test
    void polygonFillsPixelCentresInside() {
        Document d = doc(8, 6);
        // A right triangle with corners (0,0), (6,0), (0,6): centre (x+.5, y+.5) inside when x + y + 1 < 6.
        MaskShapes.polygon(d, new double[]{0, 6, 0}, new double[]{0, 0, 6}, SelectionMode.ADD);
        assertEquals("""
                #####...
                ####....
                ###.....
                ##......
                #.......
                ........
                """, picture(d));
    }

    @Test
    void aLassoGoingRoundTwiceLeavesTheInnerLoopOutEvenOdd() {
        Document d = doc(6, 6);
        // Outer square, a bridge in, the inner square the same way round, and back: under even-odd the
        // inner square is a hole (non-zero would fill it).
        MaskShapes.polygon(d, new double[]{0, 6, 6, 0, 0, 2, 4, 4, 2, 2},
                new double[]{0, 0, 6, 6, 0, 2, 2, 4, 4, 2}, SelectionMode.ADD);
        assertEquals("""
                ######
                ######
                ##..##
                ##..##
                ######
                ######
                """, picture(d));
    }

    @Test
    void lassoSubtractAndUndo() {
        Document d = doc(5, 5);
        MaskShapes.rectangle(d, new PixelRect(0, 0, 5, 5), SelectionMode.ADD);
        byte[] full = d.mask().values().clone();
        MaskRegionEdit cut = MaskShapes.polygon(d, new double[]{1, 4, 4, 1}, new double[]{1, 1, 4, 4},
                SelectionMode.SUBTRACT);
        assertEquals("""
                #####
                #...#
                #...#
                #...#
                #####
                """, picture(d));
        assertEquals(new PixelRect(1, 1, 3, 3), cut.area());
        cut.undo(d);
        assertArrayEquals(full, d.mask().values());
        assertNull(MaskShapes.polygon(d, new double[]{1, 2}, new double[]{1, 2}, SelectionMode.ADD));
    }
}
