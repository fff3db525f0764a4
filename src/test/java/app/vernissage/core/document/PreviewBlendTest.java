package app.vernissage.core.document;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PreviewBlendTest {
    @Test
    void thePreviewShowsOnlyInsideTheMask() {
        PixelImage base = PixelImage.filled(16, 8, 0xFF000000);
        Mask mask = Mask.rectangle(16, 8, 8, 0, 16, 8);
        mask.values()[0] = (byte) 128;
        PixelImage preview = PixelImage.filled(2, 1, 0xFFFFFFFF);
        PixelImage out = PreviewBlend.blend(base, mask, preview);
        assertEquals(0xFF000000, out.argbAt(3, 3));
        assertEquals(0xFFFFFFFF, out.argbAt(12, 3));
        assertEquals(0xFF808080, out.argbAt(0, 0));
        assertEquals(0xFF000000, base.argbAt(12, 3), "the base is untouched");
    }

    @Test
    void matchesThePlainPerPixelFormulaExactly() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int w = 101;
        int h = 67;
        int[] px = new int[w * h];
        byte[] m = new byte[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextInt();
            int r = random.nextInt(4);
            m[i] = (byte) (r == 0 ? 0 : r == 1 ? 255 : random.nextInt(256));
        }
        int[] small = new int[13 * 9];
        for (int i = 0; i < small.length; i++) {
            small[i] = random.nextInt();
        }
        PixelImage base = new PixelImage(w, h, px, true);
        PixelImage out = PreviewBlend.blend(base, new Mask(w, h, m), new PixelImage(13, 9, small, false));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = m[y * w + x] & 0xFF;
                int b = px[y * w + x];
                int o = small[Math.min(8, y * 9 / h) * 13 + Math.min(12, x * 13 / w)];
                int keep = 255 - a;
                int r = (((b >> 16) & 0xFF) * keep + ((o >> 16) & 0xFF) * a + 127) / 255;
                int g = (((b >> 8) & 0xFF) * keep + ((o >> 8) & 0xFF) * a + 127) / 255;
                int bl = ((b & 0xFF) * keep + (o & 0xFF) * a + 127) / 255;
                int expected = a == 0 ? b : (b & 0xFF000000) | (r << 16) | (g << 8) | bl;
                assertEquals(expected, out.argbAt(x, y), "(" + x + ", " + y + ")");
            }
        }
    }
}
