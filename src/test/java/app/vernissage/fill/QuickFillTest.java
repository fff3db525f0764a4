package app.vernissage.fill;

import app.vernissage.core.canvas.EdgeBlurFill;
import app.vernissage.core.canvas.PreFill;
import app.vernissage.core.canvas.Regions;
import app.vernissage.core.image.Composite;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared quick fill: only the mask changes, the patch equals a fill of the whole picture. */
class QuickFillTest {
    private static PixelImage noisy(int w, int h, boolean alpha) {
        int[] px = new int[w * h];
        long s = 17;
        for (int i = 0; i < px.length; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            int a = alpha ? 128 + (int) ((s >>> 33) & 127) : 255;
            px[i] = a << 24 | (int) ((s >>> 40) & 0xFFFFFF);
        }
        return new PixelImage(w, h, px, alpha);
    }

    /** A rectangle at 255 with a soft (partly set) border around it. */
    private static Mask softHole(int w, int h) {
        Mask m = Mask.rectangle(w, h, 60, 30, 90, 55);
        for (int x = 55; x < 95; x++) {
            for (int y = 25; y < 60; y++) {
                if (m.valueAt(x, y) == 0) {
                    m.values()[y * w + x] = (byte) 100;
                }
            }
        }
        return m;
    }

    @ParameterizedTest
    @EnumSource(ClassicalFill.Method.class)
    void patchOfAClassicalFillEqualsTheWholePictureFormula(ClassicalFill.Method method) {
        PixelImage in = noisy(160, 100, false);
        Mask mask = softHole(160, 100);
        ClassicalFill fill = new ClassicalFill(method, 5);
        // What `vernissage fill` computed before the patch existed: fill everything, compose through the mask.
        PixelImage expected = Composite.over(in, fill.fill(in, Regions.threshold(mask, 1)), mask.toUnitFloats());
        PixelImage got = QuickFill.apply(in, mask, fill);
        assertArrayEquals(expected.argb(), got.argb());
        QuickFill.Patch patch = QuickFill.patch(in, mask, fill);
        assertEquals(new Regions.Rect(55, 25, 40, 35), patch.region());
    }

    @Test
    void otherFillsSeeTheWholePictureAndGiveTheSameResultAsBefore() {
        PixelImage in = noisy(120, 90, true);
        Mask mask = softHole(120, 90);
        PixelImage expected = Composite.over(in, EdgeBlurFill.INSTANCE.fill(in, Regions.threshold(mask, 1)),
                mask.toUnitFloats());
        assertArrayEquals(expected.argb(), QuickFill.apply(in, mask, EdgeBlurFill.INSTANCE).argb());
    }

    @Test
    void pixelsOutsideTheMaskStayAndTheInputIsNotChanged() {
        for (boolean alpha : List.of(false, true)) {
            PixelImage in = noisy(160, 100, alpha);
            int[] before = in.argb().clone();
            Mask mask = softHole(160, 100);
            PixelImage out = QuickFill.apply(in, mask, new ClassicalFill(ClassicalFill.Method.TELEA, 3));
            assertArrayEquals(before, in.argb(), "input untouched");
            int changed = 0;
            for (int i = 0; i < before.length; i++) {
                if (mask.values()[i] == 0) {
                    assertEquals(before[i], out.argb()[i], "outside the mask at " + i);
                } else if (before[i] != out.argb()[i]) {
                    changed++;
                }
            }
            assertTrue(changed > 700, "the hole was filled: " + changed);
            assertEquals(alpha, out.hasAlpha());
        }
    }

    @Test
    void anEmptyMaskChangesNothing() {
        PixelImage in = noisy(40, 30, false);
        Mask empty = Mask.filled(40, 30, 0);
        PreFill fill = new ClassicalFill(ClassicalFill.Method.NAVIER_STOKES, 5);
        assertNull(QuickFill.patch(in, empty, fill));
        assertSame(in, QuickFill.apply(in, empty, fill));
    }
}
