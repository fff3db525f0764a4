package app.vernissage.core.image;

import java.util.Arrays;

/**
 * An 8-bit sRGB picture held as packed {@code 0xAARRGGBB} ints, row-major, top row first.
 *
 * <p>The constructor keeps the given array (no copy): the caller hands it over and must not
 * change it afterwards unless it owns the image. When {@link #hasAlpha()} is false the alpha
 * byte of every pixel is expected to be {@code 0xFF}.
 */
public final class PixelImage {
    private final int width;
    private final int height;
    private final int[] argb;
    private final boolean hasAlpha;

    /**
     * Wraps packed pixels.
     *
     * @param width    width in pixels, at least 1
     * @param height   height in pixels, at least 1
     * @param argb     {@code width * height} packed {@code 0xAARRGGBB} pixels, kept as is
     * @param hasAlpha whether the alpha byte carries transparency
     * @throws IllegalArgumentException if a size is below 1 or the array length does not match
     */
    public PixelImage(int width, int height, int[] argb, boolean hasAlpha) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "Image size must be at least 1 x 1, got " + width + " x " + height + ".");
        }
        if (argb == null || (long) argb.length != (long) width * height) {
            throw new IllegalArgumentException("Pixel array must hold " + ((long) width * height) + " values for "
                    + width + " x " + height + ", got " + (argb == null ? "null" : argb.length) + ".");
        }
        this.width = width;
        this.height = height;
        this.argb = argb;
        this.hasAlpha = hasAlpha;
    }

    /**
     * Returns a new image of the given size with every pixel set to {@code argb}; the image
     * {@link #hasAlpha() has alpha} when the colour's alpha byte is below 255.
     */
    public static PixelImage filled(int width, int height, int argb) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "Image size must be at least 1 x 1, got " + width + " x " + height + ".");
        }
        int[] pixels = new int[Math.multiplyExact(width, height)];
        Arrays.fill(pixels, argb);
        return new PixelImage(width, height, pixels, (argb >>> 24) != 0xFF);
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The backing array (not a copy), row-major {@code 0xAARRGGBB}. */
    public int[] argb() {
        return argb;
    }

    /** Whether the alpha byte carries transparency. */
    public boolean hasAlpha() {
        return hasAlpha;
    }

    /** The packed {@code 0xAARRGGBB} pixel at column {@code x}, row {@code y}. */
    public int argbAt(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException(
                    "Pixel (" + x + ", " + y + ") is outside " + width + " x " + height + ".");
        }
        return argb[y * width + x];
    }

    /** A deep copy with its own pixel array. */
    public PixelImage copy() {
        return new PixelImage(width, height, argb.clone(), hasAlpha);
    }

    /** Number of pixels, {@code width * height}. */
    public long pixelCount() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return "PixelImage[" + width + "x" + height + (hasAlpha ? ", alpha" : "") + "]";
    }
}
