package app.vernissage.core.history;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.Mask;

/** A change of the mask inside one rectangle, kept as that rectangle's bytes before and after. */
public record MaskRegionEdit(String name, PixelRect area, byte[] before, byte[] after) implements Edit {
    public MaskRegionEdit {
        if (before.length != area.area() || after.length != area.area()) {
            throw new IllegalArgumentException("Edit bytes do not match the rectangle " + area + ".");
        }
    }

    @Override
    public boolean changesImage() {
        return false;
    }

    @Override
    public void undo(Document document) {
        paste(document.mask(), area, before);
        document.markDirty();
    }

    @Override
    public void redo(Document document) {
        paste(document.mask(), area, after);
        document.markDirty();
    }

    @Override
    public long byteSize() {
        return before.length + (long) after.length + 64;
    }

    /** The mask's bytes inside {@code area}, row by row. */
    public static byte[] copy(Mask mask, PixelRect area) {
        byte[] out = new byte[Math.toIntExact(area.area())];
        for (int row = 0; row < area.height(); row++) {
            System.arraycopy(mask.values(), (area.y() + row) * mask.width() + area.x(), out, row * area.width(),
                    area.width());
        }
        return out;
    }

    static void paste(Mask mask, PixelRect area, byte[] bytes) {
        for (int row = 0; row < area.height(); row++) {
            System.arraycopy(bytes, row * area.width(), mask.values(), (area.y() + row) * mask.width() + area.x(),
                    area.width());
        }
    }
}
