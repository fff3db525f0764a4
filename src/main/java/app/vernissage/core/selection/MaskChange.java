package app.vernissage.core.selection;

import app.vernissage.core.canvas.Regions;
import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.history.MaskRegionEdit;
import app.vernissage.core.image.Mask;

/** Writes new mask values for a window of the document and makes the edit of what really changed. */
final class MaskChange {
    private MaskChange() {
    }

    /**
     * Puts {@code next} (the window's new values, row by row) into the mask and returns the edit of
     * the bounding rectangle of the bytes that differ, or null when none differs.
     */
    static MaskRegionEdit commit(Document document, PixelRect window, byte[] next, String name) {
        Mask mask = document.mask();
        byte[] values = mask.values();
        int w = mask.width();
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int row = 0; row < window.height(); row++) {
            int from = (window.y() + row) * w + window.x();
            int local = row * window.width();
            for (int col = 0; col < window.width(); col++) {
                if (values[from + col] != next[local + col]) {
                    minX = Math.min(minX, col);
                    maxX = Math.max(maxX, col);
                    minY = Math.min(minY, row);
                    maxY = Math.max(maxY, row);
                }
            }
        }
        if (maxX < 0) {
            return null;
        }
        PixelRect area = new PixelRect(window.x() + minX, window.y() + minY, maxX - minX + 1, maxY - minY + 1);
        byte[] before = MaskRegionEdit.copy(mask, area);
        for (int row = 0; row < area.height(); row++) {
            System.arraycopy(next, (area.y() - window.y() + row) * window.width() + (area.x() - window.x()),
                    values, (area.y() + row) * w + area.x(), area.width());
        }
        document.markDirty();
        return new MaskRegionEdit(name, area, before, MaskRegionEdit.copy(mask, area));
    }

    /** The mask's bytes inside {@code window}, row by row (a copy). */
    static byte[] copy(Mask mask, PixelRect window) {
        return MaskRegionEdit.copy(mask, window);
    }

    /** The bounding rectangle of the values {@code >= threshold}, or empty. */
    static PixelRect bounds(Mask mask, int threshold) {
        Regions.Rect r = Regions.bounds(mask, threshold);
        return r == null ? PixelRect.EMPTY : new PixelRect(r.x(), r.y(), r.width(), r.height());
    }

    /** {@code rect} grown by {@code n} on every side and clipped to the mask. */
    static PixelRect expand(PixelRect rect, int n, Mask mask) {
        if (rect.isEmpty()) {
            return rect;
        }
        return PixelRect.ofCorners(rect.x() - n, rect.y() - n, rect.right() + n, rect.bottom() + n)
                .clip(mask.width(), mask.height());
    }
}
