package app.vernissage.ui.editor;

import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.canvas.Regions.Rect;

/**
 * One drag of a canvas-edge handle, without any window: how far the side grows (the pointer's
 * outward travel in view pixels turned into image pixels through the view transform, rounded to
 * {@link OutpaintController#SIZE_STEP}), the new canvas that the ghost rectangle shows, and on
 * release the extension itself, through {@link OutpaintController#extend(int, int, int, int)} like
 * "Extend canvas..." (so the same overlap, pre-fill, mask, context window and single undoable edit).
 * Travel inward, or less than {@link #THRESHOLD_VIEW_PX}, adds nothing.
 */
final class EdgeExtendDrag {
    /** Pointer travel below this many view pixels is a click, not a drag. */
    static final double THRESHOLD_VIEW_PX = 4;
    /** More than any side may grow ({@link Outsets#MAX_SIDE}), so that huge drags stay refusable ints. */
    private static final double MOST = 1 << 24;

    private final Outsets.Side side;
    private final double startX;
    private final double startY;
    private final double scale;
    private final int docWidth;
    private final int docHeight;
    private int amount;

    /**
     * @param side     the edge whose handle was pressed
     * @param viewX    where it was pressed, view pixels
     * @param viewY    where it was pressed, view pixels
     * @param view     the canvas's view transform then
     * @param docWidth the document's size now
     */
    EdgeExtendDrag(Outsets.Side side, double viewX, double viewY, ViewTransform view, int docWidth, int docHeight) {
        this.side = side;
        this.startX = viewX;
        this.startY = viewY;
        this.scale = view.scale();
        this.docWidth = docWidth;
        this.docHeight = docHeight;
    }

    /** Image pixels that a travel of ({@code dx}, {@code dy}) view pixels at {@code scale} adds on {@code side}. */
    static int amount(Outsets.Side side, double dx, double dy, double scale) {
        double outward = switch (side) {
            case LEFT -> -dx;
            case RIGHT -> dx;
            case TOP -> -dy;
            case BOTTOM -> dy;
        };
        if (!(outward >= THRESHOLD_VIEW_PX)) {
            return 0;
        }
        return Math.max(0, ExtendCanvasDialog.roundToStep(Math.min(MOST, outward / scale)));
    }

    /** The pointer is at ({@code viewX}, {@code viewY}) now; returns the pixels the side would grow by. */
    int moveTo(double viewX, double viewY) {
        amount = amount(side, viewX - startX, viewY - startY, scale);
        return amount;
    }

    Outsets.Side side() {
        return side;
    }

    /** Pixels the side grows by on release, 0 for nothing. */
    int amount() {
        return amount;
    }

    int newWidth() {
        return docWidth + (side == Outsets.Side.LEFT || side == Outsets.Side.RIGHT ? amount : 0);
    }

    int newHeight() {
        return docHeight + (side == Outsets.Side.TOP || side == Outsets.Side.BOTTOM ? amount : 0);
    }

    /** The canvas after the extension in today's image coordinates (x or y below 0 when growing left or up). */
    Rect ghost() {
        int x = side == Outsets.Side.LEFT ? -amount : 0;
        int y = side == Outsets.Side.TOP ? -amount : 0;
        return new Rect(x, y, newWidth(), newHeight());
    }

    /**
     * Ends the drag: extends the canvas by {@link #amount()} on the side, exactly as "Extend canvas..."
     * would (refusals, such as a document over the pixel limit, come back as the same message).
     * False when nothing was started (no travel, or refused).
     */
    boolean release(OutpaintController controller) {
        if (amount <= 0) {
            return false;
        }
        return controller.extend(side == Outsets.Side.LEFT ? amount : 0, side == Outsets.Side.TOP ? amount : 0,
                side == Outsets.Side.RIGHT ? amount : 0, side == Outsets.Side.BOTTOM ? amount : 0);
    }
}
