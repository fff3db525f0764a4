package app.vernissage.core.project;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;

import java.util.List;
import java.util.Optional;

/**
 * Everything needed to resume work: the picture at full resolution, the mask, the settings of every
 * accepted generation, the variants kept for later, and the outpainting state ({@link CanvasState}:
 * context window and Extend settings; empty for a format-1 file, which did not record it).
 */
public record Project(PixelImage image, Mask mask, List<GenerationRecord> generations, List<KeptVariant> variants,
                      Optional<CanvasState> canvas) {
    /** A project that does not record the outpainting state (as format 1 did not). */
    public Project(PixelImage image, Mask mask, List<GenerationRecord> generations, List<KeptVariant> variants) {
        this(image, mask, generations, variants, Optional.empty());
    }

    public Project {
        java.util.Objects.requireNonNull(canvas, "canvas");
        canvas.ifPresent(c -> c.checkFits(image.width(), image.height()));
        if (image.width() != mask.width() || image.height() != mask.height()) {
            throw new IllegalArgumentException("the mask is " + mask.width() + "x" + mask.height()
                    + " but the picture is " + image.width() + "x" + image.height());
        }
        for (KeptVariant v : variants) {
            if (v.image().width() != image.width() || v.image().height() != image.height()) {
                throw new IllegalArgumentException("a kept variant is not the picture's size");
            }
        }
        generations = List.copyOf(generations);
        variants = List.copyOf(variants);
    }
}
