package app.vernissage.core.canvas;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;

/**
 * Fills a hole in a picture from its surroundings without a model: the content a generator starts
 * from (or the whole result of a "quick fill").
 */
@FunctionalInterface
public interface PreFill {
    /** Leaves the picture as it is. */
    PreFill NONE = (image, hole) -> image;

    /**
     * Returns a picture of the same size whose pixels where {@code hole} is above 0 are filled from
     * the pixels where it is 0; every pixel outside the hole is kept bit for bit. The input is not
     * changed.
     */
    PixelImage fill(PixelImage image, Mask hole);
}
