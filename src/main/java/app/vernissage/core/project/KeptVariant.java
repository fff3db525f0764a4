package app.vernissage.core.project;

import app.vernissage.core.image.PixelImage;

/** A generated result kept for later: its picture (the document's size) and how it was made. */
public record KeptVariant(PixelImage image, GenerationRecord settings) {
}
