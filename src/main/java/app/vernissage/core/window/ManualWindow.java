package app.vernissage.core.window;

import app.vernissage.core.canvas.Regions.Rect;

/**
 * A context window moved or resized by hand. Every result stays inside the document and keeps
 * covering the mask's bounding box (a drag that would uncover the mask stops at it), and goes
 * through {@link ContextWindow#covering}, so the model sees it under the same size and aspect rules
 * as an automatic window: a resized window snaps outward to the working grid, growing on the dragged
 * side (the opposite edge stays where it was).
 */
public final class ManualWindow {
    private ManualWindow() {
    }

    /** What part of the window a drag holds: its inside (move), an edge or a corner (resize). */
    public enum Handle {
        MOVE(false, false, false, false),
        LEFT(true, false, false, false),
        RIGHT(false, false, true, false),
        TOP(false, true, false, false),
        BOTTOM(false, false, false, true),
        TOP_LEFT(true, true, false, false),
        TOP_RIGHT(false, true, true, false),
        BOTTOM_LEFT(true, false, false, true),
        BOTTOM_RIGHT(false, false, true, true);

        private final boolean left;
        private final boolean top;
        private final boolean right;
        private final boolean bottom;

        Handle(boolean left, boolean top, boolean right, boolean bottom) {
            this.left = left;
            this.top = top;
            this.right = right;
            this.bottom = bottom;
        }

        public boolean left() {
            return left;
        }

        public boolean top() {
            return top;
        }

        public boolean right() {
            return right;
        }

        public boolean bottom() {
            return bottom;
        }
    }

    /**
     * {@code window} moved by ({@code dx}, {@code dy}) document pixels, stopped at the document's
     * edges and where it would stop covering {@code mask} (null: no mask to keep). Size and working
     * size do not change.
     */
    public static ContextWindow moved(ContextWindow window, int dx, int dy, Rect mask, int docWidth, int docHeight) {
        Rect r = window.region();
        int x = clampAxis((long) r.x() + dx, r.width(), docWidth, mask == null ? null : new int[]{mask.x(), mask.right()});
        int y = clampAxis((long) r.y() + dy, r.height(), docHeight, mask == null ? null : new int[]{mask.y(), mask.bottom()});
        return window.movedTo(x, y);
    }

    /**
     * The region {@code start} with the edges {@code handle} holds moved by ({@code dx}, {@code dy}):
     * each moved edge stays inside the document, does not cross the mask ({@code mask} null: it stops
     * one pixel before the opposite edge instead).
     */
    public static Rect resizedRegion(Rect start, Handle handle, int dx, int dy, Rect mask, int docWidth, int docHeight) {
        int x0 = start.x();
        int y0 = start.y();
        int x1 = start.right();
        int y1 = start.bottom();
        if (handle.left()) {
            x0 = (int) Math.clamp((long) x0 + dx, 0, mask == null ? x1 - 1 : Math.min(mask.x(), x1 - 1));
        }
        if (handle.right()) {
            x1 = (int) Math.clamp((long) x1 + dx, mask == null ? x0 + 1 : Math.max(mask.right(), x0 + 1), docWidth);
        }
        if (handle.top()) {
            y0 = (int) Math.clamp((long) y0 + dy, 0, mask == null ? y1 - 1 : Math.min(mask.y(), y1 - 1));
        }
        if (handle.bottom()) {
            y1 = (int) Math.clamp((long) y1 + dy, mask == null ? y0 + 1 : Math.max(mask.bottom(), y0 + 1), docHeight);
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * The window after dragging {@code handle} of a window whose region was {@code start} by
     * ({@code dx}, {@code dy}): {@link #resizedRegion} made a window by {@link ContextWindow#covering},
     * grown away from the edges that were not dragged.
     */
    public static ContextWindow resized(Rect start, Handle handle, int dx, int dy, Rect mask, int docWidth, int docHeight,
                                        long maxWorkPixels) {
        if (handle == Handle.MOVE) {
            throw new IllegalArgumentException("a move is not a resize");
        }
        Rect least = resizedRegion(start, handle, dx, dy, mask, docWidth, docHeight);
        return anchored(least, handle.left() && !handle.right(), handle.right() && !handle.left(),
                handle.top() && !handle.bottom(), handle.bottom() && !handle.top(), docWidth, docHeight, maxWorkPixels);
    }

    /**
     * {@code window} when it covers {@code mask} and lies inside the document; otherwise the window
     * over both its region (clipped to the document) and the mask, grown towards where the mask
     * went out of it. Null when {@code window} is entirely outside the document.
     */
    public static ContextWindow covering(ContextWindow window, Rect mask, int docWidth, int docHeight, long maxWorkPixels) {
        Rect doc = new Rect(0, 0, docWidth, docHeight);
        Rect r = window.region();
        if (doc.contains(r) && (mask == null || r.contains(mask))) {
            return window;
        }
        int x0 = Math.max(0, r.x());
        int y0 = Math.max(0, r.y());
        int x1 = Math.min(docWidth, r.right());
        int y1 = Math.min(docHeight, r.bottom());
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        Rect clipped = new Rect(x0, y0, x1 - x0, y1 - y0);
        Rect least = mask == null ? clipped : union(clipped, mask);
        boolean grewLeft = least.x() < clipped.x();
        boolean grewRight = least.right() > clipped.right();
        boolean grewUp = least.y() < clipped.y();
        boolean grewDown = least.bottom() > clipped.bottom();
        return anchored(least, grewLeft && !grewRight, grewRight && !grewLeft, grewUp && !grewDown, grewDown && !grewUp,
                docWidth, docHeight, maxWorkPixels);
    }

    /** The smallest rectangle over both. */
    public static Rect union(Rect a, Rect b) {
        int x0 = Math.min(a.x(), b.x());
        int y0 = Math.min(a.y(), b.y());
        return new Rect(x0, y0, Math.max(a.right(), b.right()) - x0, Math.max(a.bottom(), b.bottom()) - y0);
    }

    /**
     * {@link ContextWindow#covering} of {@code least}, moved so that the edges not being dragged stay
     * put: growing left keeps the right edge, growing right keeps the left edge (same vertically);
     * otherwise it grows about its centre. Still inside the document and over {@code least}.
     */
    private static ContextWindow anchored(Rect least, boolean growLeft, boolean growRight, boolean growUp, boolean growDown,
                                          int docWidth, int docHeight, long maxWorkPixels) {
        ContextWindow w = ContextWindow.covering(least, docWidth, docHeight, maxWorkPixels);
        Rect r = w.region();
        int x = growLeft ? least.right() - r.width() : growRight ? least.x() : r.x();
        int y = growUp ? least.bottom() - r.height() : growDown ? least.y() : r.y();
        return w.movedTo(Math.clamp(x, 0, docWidth - r.width()), Math.clamp(y, 0, docHeight - r.height()));
    }

    /** A start position along one axis kept inside [0, doc - size] and, given mask [from, to), over it. */
    private static int clampAxis(long position, int size, int doc, int[] mask) {
        long lo = 0;
        long hi = doc - size;
        if (mask != null) {
            lo = Math.max(lo, mask[1] - size);
            hi = Math.min(hi, mask[0]);
        }
        if (lo > hi) {
            // The window cannot cover the mask on this axis (it never should): keep it inside the document.
            lo = 0;
            hi = Math.max(0, doc - size);
        }
        return (int) Math.clamp(position, lo, hi);
    }
}
