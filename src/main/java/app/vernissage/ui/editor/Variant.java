package app.vernissage.ui.editor;

import app.vernissage.core.image.PixelImage;

/**
 * One finished result of a Generate run, kept in the variants strip until it is discarded or another
 * picture is opened. Not applied to the document until it is accepted.
 *
 * @param seed    the seed it was made with
 * @param image   the composited picture at the document's full size (never the document's own pixels)
 * @param device  where it ran, e.g. "CPU"
 * @param seconds how long its run took
 */
public record Variant(long seed, PixelImage image, String device, double seconds) {
}
