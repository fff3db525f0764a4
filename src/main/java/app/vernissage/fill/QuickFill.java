package app.vernissage.fill;

import app.vernissage.core.canvas.PreFill;
import app.vernissage.core.canvas.Regions;
import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.image.Composite;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;

/**
 * The quick fill without a model, shared by {@code vernissage fill} and the editor's Mask menu: every
 * pixel the mask touches is filled from its surroundings, and the fill is composed over the picture
 * through the mask. Where the mask is 0 the picture stays bit for bit, where it is 255 the fill
 * replaces it, values between blend the two.
 */
public final class QuickFill {
    private QuickFill() {
    }

    /**
     * The changed part of a quick fill: {@code pixels} go at {@code region} (the mask's bounding box);
     * inside it, the pixels where the mask is 0 are the picture's own.
     */
    public record Patch(Rect region, PixelImage pixels) {
    }

    /**
     * The patch of a quick fill of {@code mask} (same size as {@code image}), or null when the mask is
     * empty. A {@link ClassicalFill} only sees the part of the picture it reads (a small hole in a huge
     * picture costs little); any other fill sees the whole picture. The input is not changed.
     *
     * @throws IllegalStateException when OpenCV's native library cannot be loaded (classical fills)
     */
    public static Patch patch(PixelImage image, Mask mask, PreFill fill) {
        if (mask.width() != image.width() || mask.height() != image.height()) {
            throw new IllegalArgumentException("the mask is " + mask.width() + "x" + mask.height()
                    + " but the picture is " + image.width() + "x" + image.height());
        }
        Rect bounds = Regions.bounds(mask);
        if (bounds == null) {
            return null;
        }
        Rect reach = fill instanceof ClassicalFill classical ? classical.reach(bounds, image.width(), image.height())
                : new Rect(0, 0, image.width(), image.height());
        PixelImage crop = Regions.crop(image, reach);
        Mask cropMask = Regions.crop(mask, reach);
        PixelImage filled = fill.fill(crop, Regions.threshold(cropMask, 1));
        // Partly set mask pixels blend the fill with the original; pixels where it is 0 keep it bit for bit.
        PixelImage composed = Composite.over(crop, filled, cropMask.toUnitFloats());
        Rect inside = new Rect(bounds.x() - reach.x(), bounds.y() - reach.y(), bounds.width(), bounds.height());
        return new Patch(bounds, Regions.crop(composed, inside));
    }

    /** The whole picture after a quick fill of {@code mask}; {@code image} itself when the mask is empty. */
    public static PixelImage apply(PixelImage image, Mask mask, PreFill fill) {
        Patch patch = patch(image, mask, fill);
        if (patch == null) {
            return image;
        }
        PixelImage out = image.copy();
        Regions.pasteInPlace(out, patch.pixels(), patch.region().x(), patch.region().y());
        return out;
    }
}
