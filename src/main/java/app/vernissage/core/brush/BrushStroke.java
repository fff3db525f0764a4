package app.vernissage.core.brush;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.history.MaskRegionEdit;
import app.vernissage.core.image.Mask;

/**
 * One press-drag-release of the brush on a document's mask. Dabs are stamped every
 * {@link Brush#spacing()} pixels along the path between pointer positions, so a fast drag leaves no
 * gap. Within a stroke coverage max-combines: painting sets {@code max(mask, coverage)}, erasing
 * {@code min(mask, 255 - coverage)}, so crossing the stroke over itself does not build up.
 *
 * <p>The mask before the stroke is copied once (temporarily); {@link #finish()} returns an edit that
 * keeps only the changed rectangle before and after.
 */
public final class BrushStroke {
    private final Document document;
    private final Brush brush;
    private final byte[] before;
    private PixelRect touched = PixelRect.EMPTY;
    private double lastX;
    private double lastY;
    /** Path length walked since the last dab. */
    private double carried;

    private BrushStroke(Document document, Brush brush) {
        this.document = document;
        this.brush = brush;
        this.before = document.mask().values().clone();
    }

    /** Starts a stroke with one dab at image coordinates ({@code x}, {@code y}). */
    public static BrushStroke begin(Document document, Brush brush, double x, double y) {
        BrushStroke stroke = new BrushStroke(document, brush);
        stroke.lastX = x;
        stroke.lastY = y;
        stroke.dab(x, y);
        return stroke;
    }

    /** Continues the stroke to ({@code x}, {@code y}); returns the rectangle that changed (maybe empty). */
    public PixelRect continueTo(double x, double y) {
        PixelRect changed = PixelRect.EMPTY;
        double dx = x - lastX;
        double dy = y - lastY;
        double length = Math.hypot(dx, dy);
        double spacing = brush.spacing();
        double walked = spacing - carried;
        while (walked <= length) {
            double t = walked / length;
            changed = changed.union(dab(lastX + dx * t, lastY + dy * t));
            walked += spacing;
        }
        carried = length - (walked - spacing);
        lastX = x;
        lastY = y;
        return changed;
    }

    /** The rectangle changed so far. */
    public PixelRect touched() {
        return touched;
    }

    /** Ends the stroke: the edit for the history, or null when no mask value changed. */
    public MaskRegionEdit finish() {
        if (touched.isEmpty()) {
            return null;
        }
        Mask mask = document.mask();
        byte[] old = new byte[Math.toIntExact(touched.area())];
        boolean differs = false;
        for (int row = 0; row < touched.height(); row++) {
            int from = (touched.y() + row) * mask.width() + touched.x();
            System.arraycopy(before, from, old, row * touched.width(), touched.width());
            differs |= !java.util.Arrays.equals(before, from, from + touched.width(),
                    mask.values(), from, from + touched.width());
        }
        if (!differs) {
            return null;
        }
        document.markDirty();
        return new MaskRegionEdit(brush.eraser() ? "Erase mask" : "Paint mask", touched, old,
                MaskRegionEdit.copy(mask, touched));
    }

    /** Stamps one dab centred at ({@code cx}, {@code cy}) and returns the pixels it covered. */
    PixelRect dab(double cx, double cy) {
        Mask mask = document.mask();
        double r = Math.max(0.5, brush.radius());
        PixelRect box = PixelRect.ofCorners((int) Math.floor(cx - r), (int) Math.floor(cy - r),
                (int) Math.ceil(cx + r) + 1, (int) Math.ceil(cy + r) + 1).clip(mask.width(), mask.height());
        byte[] values = mask.values();
        for (int y = box.y(); y < box.bottom(); y++) {
            for (int x = box.x(); x < box.right(); x++) {
                double cover = brush.coverage(Math.hypot(x + 0.5 - cx, y + 0.5 - cy));
                if (cover <= 0) {
                    continue;
                }
                int amount = (int) Math.round(cover * 255);
                int i = y * mask.width() + x;
                int v = values[i] & 0xFF;
                int next = brush.eraser() ? Math.min(v, 255 - amount) : Math.max(v, amount);
                values[i] = (byte) next;
            }
        }
        touched = touched.union(box);
        return box;
    }
}
