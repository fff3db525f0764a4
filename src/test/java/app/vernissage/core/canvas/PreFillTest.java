package app.vernissage.core.canvas;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreFillTest {
    /** Left half red, right half blue. */
    static PixelImage halves(int w, int h) {
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i % w) < w / 2 ? 0xFFFF0000 : 0xFF0000FF;
        }
        return new PixelImage(w, h, px, false);
    }

    @Test
    void edgeBlurFillsFromTheNearestEdgesAndKeepsEverythingElse() {
        PixelImage in = halves(64, 32);
        Mask hole = Mask.rectangle(64, 32, 16, 8, 48, 24);
        PixelImage out = EdgeBlurFill.INSTANCE.fill(in, hole);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                if (hole.valueAt(x, y) == 0) {
                    assertEquals(in.argbAt(x, y), out.argbAt(x, y));
                }
            }
        }
        int left = out.argbAt(17, 16);
        int right = out.argbAt(46, 16);
        assertTrue(((left >>> 16) & 0xFF) > (left & 0xFF), "left of the hole is reddish: " + Integer.toHexString(left));
        assertTrue((right & 0xFF) > ((right >>> 16) & 0xFF), "right of the hole is bluish: " + Integer.toHexString(right));
        assertEquals(0xFF, out.argbAt(32, 16) >>> 24, "opaque");
    }

    @Test
    void fillsANewCanvasAreaWithoutAFlatHole() {
        PixelImage in = CanvasExtensionTest.pattern(64, 64);
        CanvasExtension.Extended e = CanvasExtension.extend(in, new Outsets(0, 0, 64, 0), 8, Long.MAX_VALUE);
        PixelImage out = EdgeBlurFill.INSTANCE.fill(e.image(), Regions.hole(e.mask()));
        // Varies along the edge (not one colour) and keeps the band's real pixels.
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < 64; y++) {
            colours.add(out.argbAt(70, y));
            assertEquals(in.argbAt(60, y), out.argbAt(60, y));
        }
        assertTrue(colours.size() > 8, "colours in one column of the fill: " + colours.size());
    }

    @Test
    void colourMatchMovesTheGeneratedMeanToTheRing() {
        PixelImage original = PixelImage.filled(32, 32, 0xFF808080);
        PixelImage generated = PixelImage.filled(32, 32, 0xFF202020);
        Mask mask = Mask.rectangle(32, 32, 8, 8, 24, 24);
        PixelImage out = ColourMatch.toRing(generated, original, mask, 4);
        assertEquals(0xFF808080, out.argbAt(16, 16));
    }
}
