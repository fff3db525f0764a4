package app.vernissage.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.vernissage.core.io.Npy;
import app.vernissage.core.io.NpyArray;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskResizeTest {

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @CsvSource({"64, 48, 20, 15", "13, 9, 40, 31", "50, 30, 50, 7", "1, 5, 3, 4", "7, 5, 3, 2"})
    void matchesScikitImage(int srcW, int srcH, int w, int h) throws IOException {
        NpyArray expected = Npy.read(GoldenPatterns.golden(
                "skimage_bilinear_" + srcW + "x" + srcH + "_to_" + w + "x" + h + ".npy"));
        assertArrayEquals(new long[] {h, w}, expected.shape());

        float[] out = MaskResize.bilinear(GoldenPatterns.maskValues(srcW, srcH), srcW, srcH, w, h);

        assertEquals(w * h, out.length);
        double maxError = 0;
        for (int i = 0; i < out.length; i++) {
            maxError = Math.max(maxError, Math.abs(expected.data()[i] - out[i]));
        }
        assertEquals(0.0, maxError, 1e-6, "largest difference from scikit-image");
    }

    @Test
    void sameSizeIsIdentity() {
        float[] src = GoldenPatterns.maskValues(6, 4);
        assertArrayEquals(src, MaskResize.bilinear(src, 6, 4, 6, 4));
    }

    @Test
    void doublingInterpolatesBetweenPixelCentres() {
        // Output centres fall at source coordinates -0.25, 0.25, 0.75, 1.25; -0.25 mirrors to 0.25.
        float[] out = MaskResize.bilinear(new float[] {0f, 1f}, 2, 1, 4, 1);
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.75f, 0.75f}, out, 1e-7f);
    }

    @Test
    void rejectsMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> MaskResize.bilinear(new float[5], 2, 2, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> MaskResize.bilinear(new float[4], 2, 2, 0, 4));
    }
}
