package app.vernissage.core.history;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.PixelImage;

/** A change of the picture inside one rectangle (an accepted generation), kept as its pixels before and after. */
public record ImageRegionEdit(String name, PixelRect area, int[] before, int[] after) implements Edit {
    public ImageRegionEdit {
        if (before.length != area.area() || after.length != area.area()) {
            throw new IllegalArgumentException("Edit pixels do not match the rectangle " + area + ".");
        }
    }

    /**
     * Puts {@code result} (same size as the document) into the document and returns the edit, which
     * covers only the bounding rectangle of the pixels that differ; null when nothing differs.
     */
    public static ImageRegionEdit replaceWith(Document document, PixelImage result, String name) {
        PixelImage image = document.image();
        if (result.width() != image.width() || result.height() != image.height()) {
            throw new IllegalArgumentException("The result is " + result.width() + "x" + result.height()
                    + " but the picture is " + image.width() + "x" + image.height() + ".");
        }
        PixelRect changed = changedArea(image, result);
        if (changed.isEmpty()) {
            return null;
        }
        ImageRegionEdit edit = new ImageRegionEdit(name, changed, copy(image, changed), copy(result, changed));
        edit.redo(document);
        return edit;
    }

    @Override
    public boolean changesImage() {
        return true;
    }

    @Override
    public void undo(Document document) {
        paste(document.image(), area, before);
        document.markDirty();
    }

    @Override
    public void redo(Document document) {
        paste(document.image(), area, after);
        document.markDirty();
    }

    @Override
    public long byteSize() {
        return 4L * (before.length + (long) after.length) + 64;
    }

    static PixelRect changedArea(PixelImage a, PixelImage b) {
        int w = a.width();
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int[] pa = a.argb();
        int[] pb = b.argb();
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < w; x++) {
                if (pa[y * w + x] != pb[y * w + x]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? PixelRect.EMPTY : PixelRect.ofCorners(minX, minY, maxX + 1, maxY + 1);
    }

    static int[] copy(PixelImage image, PixelRect area) {
        int[] out = new int[Math.toIntExact(area.area())];
        for (int row = 0; row < area.height(); row++) {
            System.arraycopy(image.argb(), (area.y() + row) * image.width() + area.x(), out, row * area.width(),
                    area.width());
        }
        return out;
    }

    static void paste(PixelImage image, PixelRect area, int[] pixels) {
        for (int row = 0; row < area.height(); row++) {
            System.arraycopy(pixels, row * area.width(), image.argb(), (area.y() + row) * image.width() + area.x(),
                    area.width());
        }
    }
}
