package app.vernissage.core.document;

import app.vernissage.core.history.MaskRegionEdit;

/** Whole-mask and rectangle operations; each returns the edit it made (already applied) for the history. */
public final class MaskOperations {
    private MaskOperations() {
    }

    /** Sets every mask value to 0 (keep everything). */
    public static MaskRegionEdit clear(Document document) {
        return apply(document, document.bounds(), "Clear mask", v -> 0);
    }

    /** Turns repaint into keep and back ({@code 255 - v}). */
    public static MaskRegionEdit invert(Document document) {
        return apply(document, document.bounds(), "Invert mask", v -> 255 - v);
    }

    /** Sets the rectangle (clipped to the picture) to {@code value} 0..255. */
    public static MaskRegionEdit fill(Document document, PixelRect rect, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("Mask value must be 0..255, got " + value + ".");
        }
        return apply(document, rect, "Fill mask rectangle", v -> value);
    }

    private static MaskRegionEdit apply(Document document, PixelRect rect, String name,
                                        java.util.function.IntUnaryOperator op) {
        PixelRect area = rect.clip(document.width(), document.height());
        byte[] before = MaskRegionEdit.copy(document.mask(), area);
        byte[] values = document.mask().values();
        int w = document.width();
        for (int y = area.y(); y < area.bottom(); y++) {
            for (int x = area.x(); x < area.right(); x++) {
                int i = y * w + x;
                values[i] = (byte) op.applyAsInt(values[i] & 0xFF);
            }
        }
        document.markDirty();
        return new MaskRegionEdit(name, area, before, MaskRegionEdit.copy(document.mask(), area));
    }
}
