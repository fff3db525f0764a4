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
 * <p>The mask before the stroke is kept in 64 x 64 tiles, each copied the first time a dab reaches
 * it (so pressing the button costs nothing on a large picture); {@link #finish()} returns an edit
 * that keeps only the changed rectangle before and after.
 */
public final class BrushStroke {
    private final Document document;
    private final Brush brush;
    private static final int TILE = 64;
    /** The mask before the stroke, per tile (row-major tiles), null until a dab touches the tile. */
    private final byte[][] before;
    private final int tilesAcross;
    private PixelRect touched = PixelRect.EMPTY;
    private double lastX;
    private double lastY;
    /** Path length walked since the last dab. */
    private double carried;

    private BrushStroke(Document document, Brush brush) {
        this.document = document;
        this.brush = brush;
        Mask mask = document.mask();
        this.tilesAcross = (mask.width() + TILE - 1) / TILE;
        this.before = new byte[tilesAcross * ((mask.height() + TILE - 1) / TILE)][];
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
        for (int row = 0; row < touched.height(); row++) {
            int y = touched.y() + row;
            for (int x = touched.x(); x < touched.right(); ) {
                int tileX = x / TILE;
                int end = Math.min(touched.right(), (tileX + 1) * TILE);
                byte[] tile = before[(y / TILE) * tilesAcross + tileX];
                int at = row * touched.width() + (x - touched.x());
                if (tile != null) {
                    System.arraycopy(tile, (y % TILE) * TILE + (x % TILE), old, at, end - x);
                } else {
                    // Never dabbed here: unchanged.
                    System.arraycopy(mask.values(), y * mask.width() + x, old, at, end - x);
                }
                x = end;
            }
        }
        byte[] now = MaskRegionEdit.copy(mask, touched);
        boolean differs = !java.util.Arrays.equals(old, now);
        if (!differs) {
            return null;
        }
        document.markDirty();
        return new MaskRegionEdit(brush.eraser() ? "Erase mask" : "Paint mask", touched, old, now);
    }

    /** Copies the tiles under {@code box} that no dab reached before. */
    private void saveTiles(Mask mask, PixelRect box) {
        if (box.isEmpty()) {
            return;
        }
        for (int ty = box.y() / TILE; ty <= (box.bottom() - 1) / TILE; ty++) {
            for (int tx = box.x() / TILE; tx <= (box.right() - 1) / TILE; tx++) {
                int index = ty * tilesAcross + tx;
                if (before[index] != null) {
                    continue;
                }
                byte[] tile = new byte[TILE * TILE];
                int x0 = tx * TILE;
                int width = Math.min(TILE, mask.width() - x0);
                for (int row = 0; row < TILE && ty * TILE + row < mask.height(); row++) {
                    System.arraycopy(mask.values(), (ty * TILE + row) * mask.width() + x0, tile, row * TILE, width);
                }
                before[index] = tile;
            }
        }
    }

    /** Stamps one dab centred at ({@code cx}, {@code cy}) and returns the pixels it covered. */
    PixelRect dab(double cx, double cy) {
        Mask mask = document.mask();
        double r = Math.max(0.5, brush.radius());
        PixelRect box = PixelRect.ofCorners((int) Math.floor(cx - r), (int) Math.floor(cy - r),
                (int) Math.ceil(cx + r) + 1, (int) Math.ceil(cy + r) + 1).clip(mask.width(), mask.height());
        byte[] values = mask.values();
        saveTiles(mask, box);
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
