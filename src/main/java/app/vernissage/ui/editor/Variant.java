package app.vernissage.ui.editor;

import app.vernissage.core.image.PixelImage;
import app.vernissage.core.project.GenerationRecord;

/**
 * One finished result of a Generate run, kept in the variants strip until it is discarded or another
 * picture is opened. Not applied to the document until it is accepted.
 *
 * @param seed     the seed it was made with
 * @param image    the composited picture at the document's full size (never the document's own pixels)
 * @param device   where it ran, e.g. "CPU" ("" for a variant read from a project)
 * @param seconds  how long its run took (0 for a variant read from a project)
 * @param settings how it was made (prompt, seed, steps...), saved with it in projects; null when unknown
 */
public record Variant(long seed, PixelImage image, String device, double seconds, GenerationRecord settings) {
    /** A variant whose settings are unknown. */
    public Variant(long seed, PixelImage image, String device, double seconds) {
        this(seed, image, device, seconds, null);
    }

    /** Its settings, or a record with only the seed when they are unknown. */
    public GenerationRecord settingsOrSeed() {
        return settings != null ? settings
                : new GenerationRecord("", "", seed, 0, 0f, 0f, null, null, null);
    }
}
