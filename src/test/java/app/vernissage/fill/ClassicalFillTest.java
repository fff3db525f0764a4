package app.vernissage.fill;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OpenCV loads from the jar (offline) and both methods fill a hole in a smooth gradient closely. */
class ClassicalFillTest {
    @ParameterizedTest
    @EnumSource(ClassicalFill.Method.class)
    void fillsASmoothGradientAndKeepsTheRest(ClassicalFill.Method method) {
        int w = 200;
        int h = 120;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = 0xFF000000 | (x & 0xFF) << 16 | (y * 2 & 0xFF) << 8 | 100;
            }
        }
        PixelImage in = new PixelImage(w, h, px, false);
        Mask hole = Mask.rectangle(w, h, 150, 40, 170, 60);
        PixelImage out = new ClassicalFill(method, 5).fill(in, hole);
        double error = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (hole.valueAt(x, y) == 0) {
                    assertEquals(in.argbAt(x, y), out.argbAt(x, y));
                } else {
                    error += Math.abs(((out.argbAt(x, y) >>> 16) & 0xFF) - x);
                }
            }
        }
        error /= 400;
        assertTrue(error < 6, method + " mean red error in the hole: " + error);
    }
}
