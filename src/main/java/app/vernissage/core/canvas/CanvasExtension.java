package app.vernissage.core.canvas;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;

/**
 * Grows a picture on any side and builds the mask for outpainting it.
 *
 * <p>The new area starts as the nearest edge pixel of the old picture (edge replicate: opaque, so
 * a picture without alpha stays without alpha; the generator repaints all of it anyway). The mask
 * is 255 over the whole new area, and on each extended side an overlap band reaching
 * {@code overlap} pixels into the old picture where it falls linearly from 255 at the old edge to
 * 0: the model repaints the band and the result is blended into the old picture across it, so the
 * seam disappears while every old pixel outside the band stays bit-identical.
 */
public final class CanvasExtension {
    private CanvasExtension() {
    }

    /**
     * The extended picture, its mask, and where the old picture sits in it.
     *
     * @param image   the grown picture (a new array)
     * @param mask    255 = new area, a ramp in the overlap band, 0 elsewhere
     * @param offsetX column of the old picture's left edge
     * @param offsetY row of the old picture's top edge
     */
    public record Extended(PixelImage image, Mask mask, int offsetX, int offsetY) {
    }

    /**
     * Extends {@code image} by {@code outsets}.
     *
     * @param overlap   depth of the overlap band into the old picture in pixels (0 = none); limited
     *                  to the old picture's extent
     * @param maxPixels the largest document accepted (width x height)
     * @throws IllegalArgumentException with a sentence when the outsets are all zero, the overlap is
     *                                  negative, or the result would exceed {@code maxPixels}
     */
    public static Extended extend(PixelImage image, Outsets outsets, int overlap, long maxPixels) {
        checkSize(image.width(), image.height(), outsets, maxPixels);
        if (overlap < 0) {
            throw new IllegalArgumentException("the overlap band cannot be negative (" + overlap + " px)");
        }
        int ow = image.width();
        int oh = image.height();
        int w = ow + outsets.left() + outsets.right();
        int h = oh + outsets.top() + outsets.bottom();
        int[] src = image.argb();
        int[] out = new int[Math.multiplyExact(w, h)];
        for (int y = 0; y < h; y++) {
            int sy = Math.clamp(y - outsets.top(), 0, oh - 1);
            int srow = sy * ow;
            int row = y * w;
            int left = outsets.left();
            int leftPixel = src[srow];
            int rightPixel = src[srow + ow - 1];
            for (int x = 0; x < left; x++) {
                out[row + x] = leftPixel;
            }
            System.arraycopy(src, srow, out, row + left, ow);
            for (int x = left + ow; x < w; x++) {
                out[row + x] = rightPixel;
            }
        }
        PixelImage grown = new PixelImage(w, h, out, image.hasAlpha());
        Mask mask = mask(w, h, outsets.left(), outsets.top(), ow, oh, outsets, overlap);
        return new Extended(grown, mask, outsets.left(), outsets.top());
    }

    /** Refuses outsets that add nothing or give a document over {@code maxPixels}. */
    public static void checkSize(int width, int height, Outsets outsets, long maxPixels) {
        if (outsets.isZero()) {
            throw new IllegalArgumentException("extending by 0 pixels on every side does nothing: give at least one "
                    + "side a size above 0");
        }
        long w = (long) width + outsets.left() + outsets.right();
        long h = (long) height + outsets.top() + outsets.bottom();
        if (w * h > maxPixels || w > Integer.MAX_VALUE / 2 || h > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("the extended picture would be " + w + "x" + h + " = "
                    + String.format(java.util.Locale.ROOT, "%.1f", w * h / 1e6) + " megapixels, over the limit of "
                    + String.format(java.util.Locale.ROOT, "%.1f", maxPixels / 1e6) + " megapixels");
        }
    }

    /**
     * The outpainting mask for an old picture of {@code ow x oh} at ({@code ox, oy}) inside
     * {@code w x h}: 255 outside it, a linear ramp in the overlap band along each side that was
     * extended (a side with outset 0 gets no band), 0 elsewhere.
     */
    public static Mask mask(int w, int h, int ox, int oy, int ow, int oh, Outsets outsets, int overlap) {
        byte[] m = new byte[Math.multiplyExact(w, h)];
        int bandL = outsets.left() > 0 ? Math.min(overlap, ow) : 0;
        int bandR = outsets.right() > 0 ? Math.min(overlap, ow) : 0;
        int bandT = outsets.top() > 0 ? Math.min(overlap, oh) : 0;
        int bandB = outsets.bottom() > 0 ? Math.min(overlap, oh) : 0;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int iy = y - oy;
            if (iy < 0 || iy >= oh) {
                java.util.Arrays.fill(m, row, row + w, (byte) 255);
                continue;
            }
            float vy = Math.max(ramp(iy, bandT), ramp(oh - 1 - iy, bandB));
            for (int x = 0; x < w; x++) {
                int ix = x - ox;
                if (ix < 0 || ix >= ow) {
                    m[row + x] = (byte) 255;
                    continue;
                }
                float v = Math.max(vy, Math.max(ramp(ix, bandL), ramp(ow - 1 - ix, bandR)));
                m[row + x] = (byte) Math.round(v * 255f);
            }
        }
        return new Mask(w, h, m);
    }

    /** Weight of a pixel {@code d} pixels inside the old edge in a band of {@code band} pixels: 1 at d = 0 .. 0 at d >= band. */
    private static float ramp(int d, int band) {
        if (band <= 0 || d >= band) {
            return 0f;
        }
        return (band - d) / (float) (band + 1);
    }
}
