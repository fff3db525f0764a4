package app.vernissage.core.document;

/**
 * A rectangle in image pixels: columns {@code [x, x + width)}, rows {@code [y, y + height)}.
 * Empty when width or height is 0.
 */
public record PixelRect(int x, int y, int width, int height) {
    public static final PixelRect EMPTY = new PixelRect(0, 0, 0, 0);

    public PixelRect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("Rectangle size must not be negative, got " + width + " x " + height + ".");
        }
    }

    /** The rectangle between two corners, {@code x1} and {@code y1} exclusive. */
    public static PixelRect ofCorners(int x0, int y0, int x1, int y1) {
        return new PixelRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    /** The smallest rectangle holding both; an empty one adds nothing. */
    public PixelRect union(PixelRect other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        return ofCorners(Math.min(x, other.x), Math.min(y, other.y),
                Math.max(right(), other.right()), Math.max(bottom(), other.bottom()));
    }

    /** This rectangle clipped to {@code [0, w) x [0, h)}; possibly empty. */
    public PixelRect clip(int w, int h) {
        int left = Math.max(0, x);
        int top = Math.max(0, y);
        int r = Math.min(w, right());
        int b = Math.min(h, bottom());
        return r <= left || b <= top ? EMPTY : new PixelRect(left, top, r - left, b - top);
    }
}
