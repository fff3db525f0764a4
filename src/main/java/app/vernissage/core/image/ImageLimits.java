package app.vernissage.core.image;

/**
 * Upper bounds applied when reading image files, so that a hostile or mistaken file cannot
 * exhaust memory.
 *
 * @param maxPixels    the largest accepted {@code width * height}, at least 1
 * @param maxFileBytes the largest accepted file size in bytes, at least 1
 */
public record ImageLimits(long maxPixels, long maxFileBytes) {
    /** 16384 x 16384 pixels and 2 GiB. */
    public static final ImageLimits DEFAULT = new ImageLimits(16384L * 16384L, 2L * 1024 * 1024 * 1024);

    /** Validates both limits. */
    public ImageLimits {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be at least 1, got " + maxPixels + ".");
        }
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be at least 1, got " + maxFileBytes + ".");
        }
    }
}
