package app.vernissage.core.document;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;

/** Draws a small preview of a run over the picture, only where the mask asks for repainting. */
public final class PreviewBlend {
    private PreviewBlend() {
    }

    /**
     * A new picture: {@code base} with {@code preview} stretched over all of it (nearest neighbour) and
     * mixed in by the mask ({@code 255} = preview, {@code 0} = base).
     */
    public static PixelImage blend(PixelImage base, Mask mask, PixelImage preview) {
        int w = base.width();
        int h = base.height();
        int[] src = base.argb();
        int[] out = src.clone();
        byte[] m = mask.values();
        int[] small = preview.argb();
        int pw = preview.width();
        int ph = preview.height();
        // The preview column of each picture column, computed once instead of per pixel.
        int[] column = new int[w];
        for (int x = 0; x < w; x++) {
            column[x] = Math.min(pw - 1, (int) ((long) x * pw / w));
        }
        for (int y = 0; y < h; y++) {
            int row = Math.min(ph - 1, (int) ((long) y * ph / h)) * pw;
            int i = y * w;
            for (int x = 0; x < w; x++, i++) {
                int a = m[i] & 0xFF;
                if (a == 0) {
                    continue;
                }
                int p = small[row + column[x]];
                // Full mask: mix(...) gives the preview's colour exactly, with the base's alpha.
                out[i] = a == 255 ? (src[i] & 0xFF000000) | (p & 0x00FFFFFF) : mix(src[i], p, a);
            }
        }
        return new PixelImage(w, h, out, base.hasAlpha());
    }

    private static int mix(int base, int over, int amount) {
        int keep = 255 - amount;
        int r = (((base >> 16) & 0xFF) * keep + ((over >> 16) & 0xFF) * amount + 127) / 255;
        int g = (((base >> 8) & 0xFF) * keep + ((over >> 8) & 0xFF) * amount + 127) / 255;
        int b = ((base & 0xFF) * keep + (over & 0xFF) * amount + 127) / 255;
        return (base & 0xFF000000) | (r << 16) | (g << 8) | b;
    }
}
