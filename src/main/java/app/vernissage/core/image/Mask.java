package app.vernissage.core.image;

import java.util.Arrays;

/**
 * An inpainting mask: one unsigned byte per pixel, row-major, top row first.
 *
 * <p>The only convention in the domain: 255 means "repaint this pixel", 0 means "keep it", and
 * values between are partial. The constructor keeps the given array (no copy).
 */
public final class Mask {
    private final int width;
    private final int height;
    private final byte[] values;

    /**
     * Wraps mask values.
     *
     * @param width  width in pixels, at least 1
     * @param height height in pixels, at least 1
     * @param values {@code width * height} bytes read as unsigned 0..255, kept as is
     * @throws IllegalArgumentException if a size is below 1 or the array length does not match
     */
    public Mask(int width, int height, byte[] values) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Mask size must be at least 1 x 1, got " + width + " x " + height + ".");
        }
        if (values == null || (long) values.length != (long) width * height) {
            throw new IllegalArgumentException("Mask array must hold " + ((long) width * height) + " values for "
                    + width + " x " + height + ", got " + (values == null ? "null" : values.length) + ".");
        }
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /** A mask of the given size with every value set to {@code value} (0..255). */
    public static Mask filled(int width, int height, int value) {
        checkValue(value);
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Mask size must be at least 1 x 1, got " + width + " x " + height + ".");
        }
        byte[] values = new byte[Math.multiplyExact(width, height)];
        Arrays.fill(values, (byte) value);
        return new Mask(width, height, values);
    }

    /**
     * A mask that is 255 inside the half-open rectangle {@code [x0, x1) x [y0, y1)} and 0 elsewhere;
     * the rectangle is clipped to the mask.
     */
    public static Mask rectangle(int width, int height, int x0, int y0, int x1, int y1) {
        Mask mask = filled(width, height, 0);
        int left = Math.max(0, x0);
        int right = Math.min(width, x1);
        int top = Math.max(0, y0);
        int bottom = Math.min(height, y1);
        for (int y = top; y < bottom; y++) {
            if (left < right) {
                Arrays.fill(mask.values, y * width + left, y * width + right, (byte) 255);
            }
        }
        return mask;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The backing array (not a copy); read each byte with {@code & 0xFF}. */
    public byte[] values() {
        return values;
    }

    /** The value 0..255 at column {@code x}, row {@code y}. */
    public int valueAt(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException(
                    "Pixel (" + x + ", " + y + ") is outside " + width + " x " + height + ".");
        }
        return values[y * width + x] & 0xFF;
    }

    /** True when every value is 0, i.e. nothing is to be repainted. */
    public boolean isEmpty() {
        for (byte v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** The values scaled to 0..1 ({@code value / 255}), row-major. */
    public float[] toUnitFloats() {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] & 0xFF) / 255f;
        }
        return out;
    }

    private static void checkValue(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("Mask value must be 0..255, got " + value + ".");
        }
    }

    @Override
    public String toString() {
        return "Mask[" + width + "x" + height + "]";
    }
}
