package app.vernissage.core.canvas;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanvasExtensionTest {
    static PixelImage pattern(int w, int h) {
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            int x = i % w;
            int y = i / w;
            px[i] = 0xFF000000 | ((x * 7 + y) & 0xFF) << 16 | ((y * 5) & 0xFF) << 8 | ((x * y) & 0xFF);
        }
        return new PixelImage(w, h, px, false);
    }

    @Test
    void growsOnEverySideAndKeepsTheOldPicture() {
        PixelImage in = pattern(40, 30);
        CanvasExtension.Extended e = CanvasExtension.extend(in, new Outsets(5, 6, 7, 8), 4, Long.MAX_VALUE);
        assertEquals(52, e.image().width());
        assertEquals(44, e.image().height());
        assertEquals(5, e.offsetX());
        assertEquals(6, e.offsetY());
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                assertEquals(in.argbAt(x, y), e.image().argbAt(x + 5, y + 6));
            }
        }
        // Edge replicate in the new area, opaque.
        assertEquals(in.argbAt(0, 0), e.image().argbAt(0, 0));
        assertEquals(in.argbAt(39, 29), e.image().argbAt(51, 43));
        assertEquals(false, e.image().hasAlpha());
    }

    @Test
    void maskIsNewAreaPlusARampedBandOnExtendedSidesOnly() {
        PixelImage in = pattern(40, 30);
        int band = 8;
        CanvasExtension.Extended e = CanvasExtension.extend(in, new Outsets(0, 0, 16, 0), band, Long.MAX_VALUE);
        Mask m = e.mask();
        for (int y = 0; y < 30; y++) {
            for (int x = 40; x < 56; x++) {
                assertEquals(255, m.valueAt(x, y), "new area");
            }
            for (int x = 0; x < 40 - band; x++) {
                assertEquals(0, m.valueAt(x, y), "old picture outside the band");
            }
            int previous = 0;
            for (int x = 40 - band; x < 40; x++) {
                int v = m.valueAt(x, y);
                assertTrue(v > previous && v < 255, "band ramps up towards the new area: " + v);
                previous = v;
            }
        }
    }

    @Test
    void bandNeverExceedsTheOldPicture() {
        CanvasExtension.Extended e = CanvasExtension.extend(pattern(4, 4), new Outsets(2, 0, 2, 0), 100, Long.MAX_VALUE);
        for (int x = 0; x < 8; x++) {
            assertTrue(e.mask().valueAt(x, 0) > 0);
        }
    }

    @Test
    void refusesNothingNegativeAndTooLarge() {
        PixelImage in = pattern(8, 8);
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> CanvasExtension.extend(in, Outsets.none(), 4, Long.MAX_VALUE));
        assertTrue(zero.getMessage().contains("0 pixels"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Outsets(0, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Outsets(0, 0, Outsets.MAX_SIDE + 1, 0));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> CanvasExtension.extend(in, new Outsets(0, 0, 1000, 0), 4, 1000));
        assertTrue(big.getMessage().contains("over the limit"), big.getMessage());
    }

    @Test
    void presetsAndPixelAmounts() {
        assertEquals(256, Outsets.parseAmount("right", "256", 512));
        assertEquals(128, Outsets.parseAmount("right", "25%", 512));
        assertEquals(256, Outsets.parseAmount("right", "50%", 512));
        assertEquals(512, Outsets.parseAmount("right", "x2", 512));
        assertEquals(0, Outsets.parseAmount("right", "0", 512));
        assertThrows(IllegalArgumentException.class, () -> Outsets.parseAmount("right", "-5", 512));
        assertThrows(IllegalArgumentException.class, () -> Outsets.parseAmount("right", "x0.5", 512));
        assertThrows(IllegalArgumentException.class, () -> Outsets.parseAmount("right", "wide", 512));
        assertThrows(IllegalArgumentException.class, () -> Outsets.parseAmount("right", "99999999", 512));
    }
}
