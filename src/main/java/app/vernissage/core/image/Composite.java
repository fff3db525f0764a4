package app.vernissage.core.image;

/**
 * Blends a generated picture back into the original through the mask, with an outward feather so
 * that the seam is soft while everything outside the feather band stays bit-identical.
 */
public final class Composite {
    private Composite() {
    }

    /**
     * The blend weight per pixel: {@code max(m, blur(m))} with {@code m = mask / 255} and a separable
     * Gaussian blur of sigma {@code radiusPx / 2} truncated at {@code radiusPx} (edges repeat the
     * border pixel). Inside the mask the weight stays 1; it fades to 0 within {@code radiusPx}
     * outside and is exactly 0 farther away. Radius 0 returns {@code mask / 255}.
     *
     * @param mask     the mask, 255 = repaint
     * @param radiusPx the feather width in pixels, 0 or more
     * @return row-major weights in 0..1, one per pixel
     */
    public static float[] featheredAlpha(Mask mask, int radiusPx) {
        if (radiusPx < 0) {
            throw new IllegalArgumentException("Feather radius must be 0 or more, got " + radiusPx + ".");
        }
        float[] base = mask.toUnitFloats();
        if (radiusPx == 0) {
            return base;
        }
        float[] kernel = gaussian(radiusPx);
        int w = mask.width();
        int h = mask.height();
        float[] across = new float[base.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0f;
                for (int k = -radiusPx; k <= radiusPx; k++) {
                    int sx = Math.clamp(x + k, 0, w - 1);
                    sum += kernel[k + radiusPx] * base[y * w + sx];
                }
                across[y * w + x] = sum;
            }
        }
        float[] out = new float[base.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0f;
                for (int k = -radiusPx; k <= radiusPx; k++) {
                    int sy = Math.clamp(y + k, 0, h - 1);
                    sum += kernel[k + radiusPx] * across[sy * w + x];
                }
                int i = y * w + x;
                out[i] = Math.min(1f, Math.max(base[i], sum));
            }
        }
        return out;
    }

    /**
     * Blends {@code generated} over {@code original} with per-pixel weights {@code alpha} (0..1).
     * Where the weight is 0 the original pixel is kept bit for bit; elsewhere each colour channel is
     * {@code round(o * (1 - a) + g * a)} and the alpha channel is {@code oA + round((255 - oA) * a)}.
     * The result has alpha exactly when the original does.
     *
     * @param original  the picture before inpainting
     * @param generated the model's picture, same size
     * @param alpha     row-major weights in 0..1, e.g. from {@link #featheredAlpha}; NaN counts as 0
     * @return a new picture
     * @throws IllegalArgumentException when the sizes differ or {@code alpha} has the wrong length
     */
    public static PixelImage over(PixelImage original, PixelImage generated, float[] alpha) {
        if (original.width() != generated.width() || original.height() != generated.height()) {
            throw new IllegalArgumentException("Generated picture is " + generated.width() + " x "
                    + generated.height() + " but the original is " + original.width() + " x "
                    + original.height() + ".");
        }
        if (alpha.length != original.argb().length) {
            throw new IllegalArgumentException("Expected " + original.argb().length + " blend weights, got "
                    + alpha.length + ".");
        }
        int[] o = original.argb();
        int[] g = generated.argb();
        int[] out = new int[o.length];
        for (int i = 0; i < o.length; i++) {
            float a = alpha[i];
            if (!(a > 0f)) {
                out[i] = o[i];
                continue;
            }
            a = Math.min(a, 1f);
            int op = o[i];
            int gp = g[i];
            int oa = op >>> 24;
            int ra = oa + Math.round((255 - oa) * a);
            int r = mix((op >>> 16) & 0xFF, (gp >>> 16) & 0xFF, a);
            int gr = mix((op >>> 8) & 0xFF, (gp >>> 8) & 0xFF, a);
            int b = mix(op & 0xFF, gp & 0xFF, a);
            out[i] = (ra << 24) | (r << 16) | (gr << 8) | b;
        }
        return new PixelImage(original.width(), original.height(), out, original.hasAlpha());
    }

    private static int mix(int o, int g, float a) {
        return Math.clamp(Math.round(o * (1f - a) + g * a), 0, 255);
    }

    private static float[] gaussian(int radius) {
        double sigma = radius / 2.0;
        double[] raw = new double[2 * radius + 1];
        double total = 0;
        for (int k = -radius; k <= radius; k++) {
            raw[k + radius] = Math.exp(-(k * k) / (2 * sigma * sigma));
            total += raw[k + radius];
        }
        float[] kernel = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            kernel[i] = (float) (raw[i] / total);
        }
        return kernel;
    }
}
