package app.vernissage.core.canvas;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;

/** Crops, pastes and bounding boxes on pictures and masks (rectangles are half-open, x0 <= x < x1). */
public final class Regions {
    private Regions() {
    }

    /** An axis-aligned rectangle {@code [x, x + width) x [y, y + height)}. */
    public record Rect(int x, int y, int width, int height) {
        public Rect {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("a rectangle needs a positive size, got " + width + "x" + height);
            }
        }

        public int right() {
            return x + width;
        }

        public int bottom() {
            return y + height;
        }

        public boolean contains(Rect o) {
            return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
        }

        public long area() {
            return (long) width * height;
        }
    }

    /** The bounding box of the mask's non-zero values, or null when it is empty. */
    public static Rect bounds(Mask mask) {
        return bounds(mask, 1);
    }

    /** The bounding box of the mask's values {@code >= threshold} (1..255), or null when there is none. */
    public static Rect bounds(Mask mask, int threshold) {
        int w = mask.width();
        int h = mask.height();
        byte[] v = mask.values();
        int minX = w, minY = h, maxX = -1, maxY = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int first = -1;
            for (int x = 0; x < w; x++) {
                if ((v[row + x] & 0xFF) >= threshold) {
                    first = x;
                    break;
                }
            }
            if (first < 0) {
                continue;
            }
            int last = first;
            for (int x = w - 1; x > first; x--) {
                if ((v[row + x] & 0xFF) >= threshold) {
                    last = x;
                    break;
                }
            }
            minX = Math.min(minX, first);
            maxX = Math.max(maxX, last);
            minY = Math.min(minY, y);
            maxY = y;
        }
        return maxX < 0 ? null : new Rect(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    public static PixelImage crop(PixelImage image, Rect r) {
        int[] out = new int[Math.multiplyExact(r.width(), r.height())];
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(image.argb(), (r.y() + y) * image.width() + r.x(), out, y * r.width(), r.width());
        }
        return new PixelImage(r.width(), r.height(), out, image.hasAlpha());
    }

    public static Mask crop(Mask mask, Rect r) {
        byte[] out = new byte[Math.multiplyExact(r.width(), r.height())];
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(mask.values(), (r.y() + y) * mask.width() + r.x(), out, y * r.width(), r.width());
        }
        return new Mask(r.width(), r.height(), out);
    }

    /** Writes {@code patch} into {@code target}'s own array at ({@code x, y}); the caller must own target. */
    public static void pasteInPlace(PixelImage target, PixelImage patch, int x, int y) {
        for (int row = 0; row < patch.height(); row++) {
            System.arraycopy(patch.argb(), row * patch.width(), target.argb(), (y + row) * target.width() + x, patch.width());
        }
    }

    /** A mask that is 255 where {@code mask} is at least {@code threshold}, else 0. */
    public static Mask threshold(Mask mask, int threshold) {
        byte[] v = mask.values();
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (v[i] & 0xFF) >= threshold ? (byte) 255 : 0;
        }
        return new Mask(mask.width(), mask.height(), out);
    }

    /**
     * The hole a pre-fill should fill: the fully repainted pixels (255), or every non-zero pixel
     * when no pixel is 255. Partly masked pixels (a blend band) keep their real content.
     */
    public static Mask hole(Mask mask) {
        Mask full = threshold(mask, 255);
        return full.isEmpty() ? threshold(mask, 1) : full;
    }
}
