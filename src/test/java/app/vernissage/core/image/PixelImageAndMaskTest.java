package app.vernissage.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PixelImageAndMaskTest {

    @Test
    void pixelImageKeepsItsArrayAndReadsRowMajor() {
        int[] argb = {0xFF000001, 0xFF000002, 0xFF000003, 0xFF000004, 0xFF000005, 0xFF000006};
        PixelImage image = new PixelImage(3, 2, argb, false);
        assertSame(argb, image.argb());
        assertEquals(0xFF000006, image.argbAt(2, 1));
        assertEquals(0xFF000004, image.argbAt(0, 1));
        assertEquals(6L, image.pixelCount());
        PixelImage copy = image.copy();
        assertNotSame(argb, copy.argb());
        assertArrayEquals(argb, copy.argb());
        assertThrows(IndexOutOfBoundsException.class, () -> image.argbAt(3, 0));
    }

    @Test
    void pixelImageValidates() {
        assertThrows(IllegalArgumentException.class, () -> new PixelImage(0, 1, new int[0], false));
        assertThrows(IllegalArgumentException.class, () -> new PixelImage(2, 2, new int[3], false));
        assertThrows(IllegalArgumentException.class, () -> new PixelImage(1, 1, null, false));
    }

    @Test
    void filledPixelImage() {
        PixelImage opaque = PixelImage.filled(2, 3, 0xFF123456);
        assertFalse(opaque.hasAlpha());
        assertEquals(0xFF123456, opaque.argbAt(1, 2));
        assertTrue(PixelImage.filled(1, 1, 0x80123456).hasAlpha());
    }

    @Test
    void maskValuesAreUnsigned() {
        Mask mask = new Mask(2, 1, new byte[] {(byte) 255, (byte) 128});
        assertEquals(255, mask.valueAt(0, 0));
        assertEquals(128, mask.valueAt(1, 0));
        assertArrayEquals(new float[] {1f, 128f / 255f}, mask.toUnitFloats());
        assertFalse(mask.isEmpty());
        assertTrue(Mask.filled(3, 3, 0).isEmpty());
    }

    @Test
    void rectangleIsHalfOpenAndClipped() {
        Mask mask = Mask.rectangle(5, 4, 1, 1, 3, 2);
        int inside = 0;
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                boolean in = x >= 1 && x < 3 && y == 1;
                assertEquals(in ? 255 : 0, mask.valueAt(x, y));
                inside += in ? 1 : 0;
            }
        }
        assertEquals(2, inside);
        assertEquals(20 * 255, sum(Mask.rectangle(5, 4, -3, -3, 99, 99)));
    }

    @Test
    void maskValidates() {
        assertThrows(IllegalArgumentException.class, () -> new Mask(2, 2, new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> Mask.filled(2, 2, 256));
        assertThrows(IllegalArgumentException.class, () -> Mask.filled(0, 2, 0));
    }

    @Test
    void limitsValidateAndDefault() {
        assertEquals(16384L * 16384L, ImageLimits.DEFAULT.maxPixels());
        assertEquals(2L * 1024 * 1024 * 1024, ImageLimits.DEFAULT.maxFileBytes());
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(10, -1));
    }

    private static int sum(Mask mask) {
        int total = 0;
        for (byte b : mask.values()) {
            total += b & 0xFF;
        }
        return total;
    }
}
