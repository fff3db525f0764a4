package app.vernissage.core.selection;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.history.MaskRegionEdit;
import app.vernissage.core.image.Mask;

/**
 * Grow, shrink and feather of the mask.
 *
 * <p>Grow and shrink use the exact Euclidean distance between pixel centres, computed with the
 * separable squared distance transform of Felzenszwalb and Huttenlocher (one pass down the columns,
 * one along the rows, linear in the pixels whatever {@code n} is). The solid part of the mask is the
 * pixels {@code >= 128}:
 * <ul>
 *   <li>grow by {@code n}: every pixel within distance {@code n} of the solid part becomes 255 (the
 *       rest keeps its value, so a soft rim further out stays);</li>
 *   <li>shrink by {@code n}: every pixel within distance {@code n} of a pixel below 128 becomes 0.
 *       Outside the picture counts as neither, so a mask touching the border does not shrink from it.</li>
 * </ul>
 * Feather by {@code n} blurs the mask with a Gaussian of sigma {@code n / 3} cut off at {@code n}
 * pixels (normalised), separably, repeating the border pixels beyond the picture's edge.
 */
public final class MaskMorphology {
    /** Stands for "no solid pixel in this column": larger than any real squared distance. */
    private static final int FAR = 1 << 29;
    private static final int SOLID = 128;

    private MaskMorphology() {
    }

    /** Grows the solid part of the mask by {@code n} pixels; null when nothing changed. */
    public static MaskRegionEdit grow(Document document, int n) {
        checkRadius(n);
        Mask mask = document.mask();
        PixelRect window = MaskChange.expand(MaskChange.bounds(mask, SOLID), n, mask);
        if (n == 0 || window.isEmpty()) {
            return null;
        }
        int[] dist = squaredDistance(mask, window, true);
        byte[] next = MaskChange.copy(mask, window);
        long limit = (long) n * n;
        for (int i = 0; i < next.length; i++) {
            if (dist[i] <= limit) {
                next[i] = (byte) 255;
            }
        }
        return MaskChange.commit(document, window, next, "Grow mask");
    }

    /** Shrinks the solid part of the mask by {@code n} pixels; null when nothing changed. */
    public static MaskRegionEdit shrink(Document document, int n) {
        checkRadius(n);
        Mask mask = document.mask();
        PixelRect window = MaskChange.expand(MaskChange.bounds(mask, 1), n, mask);
        if (n == 0 || window.isEmpty()) {
            return null;
        }
        int[] dist = squaredDistance(mask, window, false);
        byte[] next = MaskChange.copy(mask, window);
        long limit = (long) n * n;
        for (int i = 0; i < next.length; i++) {
            if (dist[i] <= limit) {
                next[i] = 0;
            }
        }
        return MaskChange.commit(document, window, next, "Shrink mask");
    }

    /** Softens the mask's edges over {@code n} pixels with a Gaussian blur; null when nothing changed. */
    public static MaskRegionEdit feather(Document document, int n) {
        checkRadius(n);
        Mask mask = document.mask();
        PixelRect window = MaskChange.expand(MaskChange.bounds(mask, 1), n, mask);
        if (n == 0 || window.isEmpty()) {
            return null;
        }
        float[] kernel = gaussian(n);
        int w = mask.width();
        int h = mask.height();
        byte[] values = mask.values();
        int ww = window.width();
        int wh = window.height();
        // Horizontal pass over the window's rows, reading the picture with its border repeated. Inside
        // a run of equal values at least 2n + 1 long the blur changes nothing, so only the pixels near
        // an edge pay for the kernel: the cost follows the edges, not the area.
        float[] across = new float[ww * wh];
        float[] line = new float[ww + 2 * n];
        float[] out = new float[ww];
        for (int row = 0; row < wh; row++) {
            int src = (window.y() + row) * w;
            for (int i = 0; i < line.length; i++) {
                line[i] = values[src + Math.clamp(window.x() - n + i, 0, w - 1)] & 0xFF;
            }
            convolve(line, kernel, n, out);
            System.arraycopy(out, 0, across, row * ww, ww);
        }
        // Vertical pass, column by column. Rows outside the window but inside the picture are 0 there
        // (the window is the non-zero part grown by n); rows beyond the picture repeat its border row.
        byte[] next = new byte[ww * wh];
        float[] column = new float[wh + 2 * n];
        float[] down = new float[wh];
        for (int col = 0; col < ww; col++) {
            for (int i = 0; i < column.length; i++) {
                int r = Math.clamp(window.y() - n + i, 0, h - 1) - window.y();
                column[i] = r >= 0 && r < wh ? across[r * ww + col] : 0;
            }
            convolve(column, kernel, n, down);
            for (int row = 0; row < wh; row++) {
                next[row * ww + col] = (byte) Math.clamp(Math.round(down[row]), 0, 255);
            }
        }
        return MaskChange.commit(document, window, next, "Feather mask");
    }

    /**
     * {@code out[i] = sum over k of kernel[k + n] * in[i + n + k]} for {@code i} in {@code [0, out.length)}
     * ({@code in} holds n extra values on each side), skipping the sum where all 2n + 1 inputs are equal.
     */
    private static void convolve(float[] in, float[] kernel, int n, float[] out) {
        // sameUntil[i]: the last index of the run of values equal to in[i] that contains i.
        int length = in.length;
        int[] sameUntil = new int[length];
        sameUntil[length - 1] = length - 1;
        for (int i = length - 2; i >= 0; i--) {
            sameUntil[i] = in[i] == in[i + 1] ? sameUntil[i + 1] : i;
        }
        for (int i = 0; i < out.length; i++) {
            if (sameUntil[i] >= i + 2 * n) {
                out[i] = in[i];
                continue;
            }
            float sum = 0;
            for (int k = 0; k <= 2 * n; k++) {
                sum += kernel[k] * in[i + k];
            }
            out[i] = sum;
        }
    }

    /** The normalised Gaussian weights for offsets {@code -n..n}, sigma {@code n / 3}. */
    static float[] gaussian(int n) {
        double sigma = n / 3.0;
        double[] raw = new double[2 * n + 1];
        double total = 0;
        for (int k = -n; k <= n; k++) {
            raw[k + n] = Math.exp(-(k * (double) k) / (2 * sigma * sigma));
            total += raw[k + n];
        }
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = (float) (raw[i] / total);
        }
        return out;
    }

    /**
     * Squared Euclidean distance, inside {@code window}, from each pixel to the nearest feature pixel
     * of the window: a solid pixel ({@code >= 128}) when {@code toSolid}, else a pixel below 128.
     * Window-relative, row by row; {@link #FAR} or more where there is no feature.
     */
    static int[] squaredDistance(Mask mask, PixelRect window, boolean toSolid) {
        int ww = window.width();
        int wh = window.height();
        int w = mask.width();
        byte[] values = mask.values();
        int[] g = new int[ww * wh];
        // Columns: distance to the nearest feature above or below in the same column.
        for (int col = 0; col < ww; col++) {
            int last = -1;
            for (int row = 0; row < wh; row++) {
                int v = values[(window.y() + row) * w + window.x() + col] & 0xFF;
                if ((v >= SOLID) == toSolid) {
                    last = row;
                    g[row * ww + col] = 0;
                } else {
                    g[row * ww + col] = last < 0 ? -1 : row - last;
                }
            }
            last = -1;
            for (int row = wh - 1; row >= 0; row--) {
                int i = row * ww + col;
                if (g[i] == 0) {
                    last = row;
                } else if (last >= 0 && (g[i] < 0 || last - row < g[i])) {
                    g[i] = last - row;
                }
            }
        }
        // Rows: lower envelope of the parabolas g(q)^2 + (x - q)^2.
        int[] out = new int[ww * wh];
        int[] f = new int[ww];
        int[] v = new int[ww];
        double[] z = new double[ww + 1];
        for (int row = 0; row < wh; row++) {
            int base = row * ww;
            int k = -1;
            for (int q = 0; q < ww; q++) {
                int d = g[base + q];
                if (d < 0) {
                    f[q] = FAR;
                    continue;
                }
                f[q] = d * d;
                double s = 0;
                while (k >= 0) {
                    int p = v[k];
                    s = ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * (q - p));
                    if (s <= z[k]) {
                        k--;
                    } else {
                        break;
                    }
                }
                k++;
                v[k] = q;
                z[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
                z[k + 1] = Double.POSITIVE_INFINITY;
            }
            if (k < 0) {
                java.util.Arrays.fill(out, base, base + ww, FAR);
                continue;
            }
            int j = 0;
            for (int q = 0; q < ww; q++) {
                while (z[j + 1] < q) {
                    j++;
                }
                int p = v[j];
                out[base + q] = (q - p) * (q - p) + f[p];
            }
        }
        return out;
    }

    private static void checkRadius(int n) {
        if (n < 0 || n > 1000) {
            throw new IllegalArgumentException("Radius must be 0..1000 pixels, got " + n + ".");
        }
    }
}
