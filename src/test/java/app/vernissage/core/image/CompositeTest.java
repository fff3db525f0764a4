package app.vernissage.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompositeTest {
    private static final int W = 60;
    private static final int H = 40;
    private static final int RADIUS = 6;

    // Mask rectangle [20, 35) x [10, 25).
    private static final Mask MASK = Mask.rectangle(W, H, 20, 10, 35, 25);

    @Test
    void radiusZeroIsTheMaskItself() {
        assertArrayEquals(MASK.toUnitFloats(), Composite.featheredAlpha(MASK, 0));
    }

    @Test
    void featherIsOneInsideZeroFarAwayAndFadesMonotonically() {
        float[] alpha = Composite.featheredAlpha(MASK, RADIUS);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                float a = alpha[y * W + x];
                int dx = Math.max(0, Math.max(20 - x, x - 34));
                int dy = Math.max(0, Math.max(10 - y, y - 24));
                if (dx == 0 && dy == 0) {
                    assertEquals(1f, a, "inside the mask at " + x + "," + y);
                } else if (Math.max(dx, dy) > RADIUS) {
                    assertEquals(0f, a, "beyond the radius at " + x + "," + y);
                } else {
                    assertTrue(a >= 0f && a <= 1f);
                }
            }
        }
        // Along the row through the middle, leaving the mask to the right.
        int y = 17;
        float previous = alpha[y * W + 34];
        assertEquals(1f, previous);
        for (int x = 35; x <= 34 + RADIUS; x++) {
            float a = alpha[y * W + x];
            assertTrue(a < previous, "alpha falls at x=" + x);
            assertTrue(a > 0f, "alpha is still positive inside the band at x=" + x);
            previous = a;
        }
        assertEquals(0f, alpha[y * W + 34 + RADIUS + 1]);
    }

    @Test
    void featherOfAnEmptyMaskIsZero() {
        for (float a : Composite.featheredAlpha(Mask.filled(10, 10, 0), 4)) {
            assertEquals(0f, a);
        }
    }

    @Test
    void overKeepsOriginalOutsideAndGeneratedInside() {
        PixelImage original = GoldenPatterns.picture(W, H, false);
        PixelImage generated = PixelImage.filled(W, H, 0xFF10E040);
        float[] alpha = Composite.featheredAlpha(MASK, RADIUS);

        PixelImage out = Composite.over(original, generated, alpha);

        assertFalse(out.hasAlpha());
        int changedOutsideMask = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                if (alpha[i] == 0f) {
                    assertEquals(original.argb()[i], out.argb()[i], "bit-identical outside at " + x + "," + y);
                } else if (MASK.valueAt(x, y) == 255) {
                    assertEquals(0xFF10E040, out.argb()[i], "generated inside at " + x + "," + y);
                } else {
                    changedOutsideMask++;
                }
            }
        }
        assertTrue(changedOutsideMask > 0, "the feather band blends");
    }

    @Test
    void overBlendsChannelsWithRounding() {
        PixelImage original = new PixelImage(2, 1, new int[] {0x80000000 | 0x00FF0010, 0x40102030}, true);
        PixelImage generated = new PixelImage(2, 1, new int[] {0xFF0000F0, 0x00000000}, true);

        PixelImage out = Composite.over(original, generated, new float[] {0.5f, 0f});

        // R: round(255*0.5) = 128 (half up), G: 0, B: round(16*0.5 + 240*0.5) = 128, A: 128 + round(127*0.5) = 192.
        assertEquals(0xC0800080, out.argb()[0]);
        assertEquals(0x40102030, out.argb()[1]);
        assertTrue(out.hasAlpha());
    }

    @Test
    void overRejectsMismatchedSizes() {
        PixelImage a = PixelImage.filled(4, 4, 0xFF000000);
        PixelImage b = PixelImage.filled(4, 5, 0xFF000000);
        assertThrows(IllegalArgumentException.class, () -> Composite.over(a, b, new float[16]));
        assertThrows(IllegalArgumentException.class, () -> Composite.over(a, a, new float[15]));
        assertThrows(IllegalArgumentException.class, () -> Composite.featheredAlpha(MASK, -1));
    }
}
