package app.vernissage.core.document;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One open picture: its pixels, the mask painted over it (255 = repaint, same size), where it came
 * from and whether it changed since it was opened or last exported. Edits change the pixel and mask
 * arrays in place; the history ({@code app.vernissage.core.history}) records them.
 */
public final class Document {
    private final PixelImage image;
    private final Mask mask;
    private Path file;
    private boolean dirty;

    public Document(PixelImage image, Path file) {
        this.image = image;
        this.mask = Mask.filled(image.width(), image.height(), 0);
        this.file = file;
    }

    public PixelImage image() {
        return image;
    }

    public Mask mask() {
        return mask;
    }

    public int width() {
        return image.width();
    }

    public int height() {
        return image.height();
    }

    public PixelRect bounds() {
        return new PixelRect(0, 0, width(), height());
    }

    /** The file it was opened from or last exported to, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public boolean isDirty() {
        return dirty;
    }

    public void markDirty() {
        dirty = true;
    }

    /** After a successful export: the work is saved in {@code target}. */
    public void markSaved(Path target) {
        file = target;
        dirty = false;
    }
}
