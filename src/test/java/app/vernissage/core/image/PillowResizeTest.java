package app.vernissage.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.vernissage.core.io.Npy;
import app.vernissage.core.io.NpyArray;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PillowResizeTest {

    @ParameterizedTest(name = "{0} {1}x{2} -> {3}x{4}")
    @CsvSource({
        "rgb, 301, 217, 128, 64",
        "rgb, 37, 23, 100, 70",
        "rgb, 80, 30, 80, 70",
        "rgb, 90, 40, 211, 40",
        "rgb, 50, 40, 1, 1",
        "rgba, 61, 47, 29, 83",
        "rgba, 120, 90, 40, 30",
    })
    void matchesPillowBitForBit(String mode, int srcW, int srcH, int w, int h) {
        boolean alpha = mode.equals("rgba");
        PixelImage src = GoldenPatterns.picture(srcW, srcH, alpha);
        int[] expected = GoldenPatterns.readRgba(
                "pil_bicubic_" + mode + "_" + srcW + "x" + srcH + "_to_" + w + "x" + h + ".rgba");

        PixelImage out = PillowResize.bicubic(src, w, h);

        assertEquals(w, out.width());
        assertEquals(h, out.height());
        assertEquals(alpha, out.hasAlpha());
        int differingBytes = 0;
        int maxDifference = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int shift = 0; shift < 32; shift += 8) {
                int d = Math.abs(((expected[i] >>> shift) & 0xFF) - ((out.argb()[i] >>> shift) & 0xFF));
                if (d != 0) {
                    differingBytes++;
                    maxDifference = Math.max(maxDifference, d);
                }
            }
        }
        assertEquals(0, differingBytes, "bytes differing from Pillow (max difference " + maxDifference + ")");
    }

    @ParameterizedTest(name = "float planes {0}x{1} -> {2}x{3}")
    @CsvSource({"45, 33, 17, 50", "30, 20, 30, 9"})
    void floatPlanesMatchPillowFloatMode(int srcW, int srcH, int w, int h) throws IOException {
        float[] planes = new float[2 * srcW * srcH];
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < srcH; y++) {
                for (int x = 0; x < srcW; x++) {
                    planes[c * srcW * srcH + y * srcW + x] =
                            (float) (GoldenPatterns.pictureValue(x, y, c, srcW, srcH) / 255.0 - 0.5);
                }
            }
        }
        NpyArray expected = Npy.read(GoldenPatterns.golden(
                "pil_bicubic_float_" + srcW + "x" + srcH + "_to_" + w + "x" + h + ".npy"));
        assertArrayEquals(new long[] {2, h, w}, expected.shape());

        float[] out = PillowResize.bicubicPlanes(planes, 2, srcW, srcH, w, h);

        assertEquals(expected.data().length, out.length);
        for (int i = 0; i < out.length; i++) {
            assertEquals(expected.data()[i], out[i], "value " + i + " (bit-exact with Pillow mode F)");
        }
    }

    @Test
    void sameSizeReturnsAnEqualCopy() {
        PixelImage src = GoldenPatterns.picture(9, 7, true);
        PixelImage out = PillowResize.bicubic(src, 9, 7);
        assertNotSame(src.argb(), out.argb());
        assertArrayEquals(src.argb(), out.argb());
    }

    @Test
    void uniformPictureStaysUniform() {
        PixelImage src = PixelImage.filled(33, 17, 0xFF336699);
        PixelImage out = PillowResize.bicubic(src, 70, 5);
        for (int p : out.argb()) {
            assertEquals(0xFF336699, p);
        }
        assertFalse(out.hasAlpha());
    }

    @Test
    void floatPlanesSameSizeIsIdentityAndKeepsUnclippedValues() {
        float[] planes = {-3f, 2f, 7.5f, 0f, 1f, 300f};
        assertArrayEquals(planes, PillowResize.bicubicPlanes(planes, 1, 3, 2, 3, 2));
        float[] enlarged = PillowResize.bicubicPlanes(new float[] {0f, 1f, 0f, 1f}, 1, 4, 1, 9, 1);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : enlarged) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min < 0f || max > 1f, "bicubic overshoot is kept, not clipped");
    }

    @Test
    void rejectsBadSizes() {
        PixelImage src = PixelImage.filled(4, 4, 0xFF000000);
        assertThrows(IllegalArgumentException.class, () -> PillowResize.bicubic(src, 0, 4));
        assertThrows(IllegalArgumentException.class,
                () -> PillowResize.bicubicPlanes(new float[5], 1, 2, 2, 3, 3));
    }
}
