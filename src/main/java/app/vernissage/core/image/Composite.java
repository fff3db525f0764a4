package app.vernissage.core.image;

import java.util.stream.IntStream;

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
        int[] box = bounds(base, w, h);
        float[] out = base.clone();
        if (box == null) {
            return out;
        }
        // Only the mask's bounding box grown by the radius can change: rows and columns without
        // mask pixels blur to exactly 0, so the work scales with the mask, not the picture.
        int x0 = Math.max(0, box[0] - radiusPx);
        int x1 = Math.min(w - 1, box[2] + radiusPx);
        int y0 = Math.max(0, box[1] - radiusPx);
        int y1 = Math.min(h - 1, box[3] + radiusPx);
        float[] across = new float[base.length];
        // Rows are independent in both passes; large masks use both cores (same result either way).
        IntStream.rangeClosed(box[1], box[3]).parallel().forEach(y -> {
            int row = y * w;
            for (int x = x0; x <= x1; x++) {
                float sum = 0f;
                if (x - radiusPx >= 0 && x + radiusPx < w) {
                    for (int k = 0; k < kernel.length; k++) {
                        sum += kernel[k] * base[row + x - radiusPx + k];
                    }
                } else {
                    for (int k = 0; k < kernel.length; k++) {
                        sum += kernel[k] * base[row + Math.clamp(x - radiusPx + k, 0, w - 1)];
                    }
                }
                across[row + x] = sum;
            }
        });
        IntStream.rangeClosed(y0, y1).parallel().forEach(y -> {
            float[] sums = new float[x1 - x0 + 1];
            for (int k = 0; k < kernel.length; k++) {
                int from = Math.clamp(y - radiusPx + k, 0, h - 1) * w + x0;
                float weight = kernel[k];
                for (int x = 0; x < sums.length; x++) {
                    sums[x] += weight * across[from + x];
                }
            }
            int row = y * w;
            for (int x = x0; x <= x1; x++) {
                int i = row + x;
                out[i] = Math.min(1f, Math.max(base[i], sums[x - x0]));
            }
        });
        return out;
    }

    /** {minX, minY, maxX, maxY} of the non-zero values, or null when there are none. */
    private static int[] bounds(float[] values, int w, int h) {
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (values[y * w + x] != 0f) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        return maxX < 0 ? null : new int[]{minX, minY, maxX, maxY};
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
