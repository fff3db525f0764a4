package app.vernissage.core.project;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;

import java.util.List;

/**
 * Everything needed to resume work: the picture at full resolution, the mask, the settings of every
 * accepted generation, and the variants kept for later.
 */
public record Project(PixelImage image, Mask mask, List<GenerationRecord> generations, List<KeptVariant> variants) {
    public Project {
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
