package app.vernissage.core.window;

import app.vernissage.core.canvas.Regions.Rect;

/**
 * The part of a document one generation works on, and the size the model sees it at.
 *
 * <p>Rules ({@link #around}): the mask's bounding box plus {@code padding} on every side (clipped
 * to the document) is the least the window must show. The model works at sides that are multiples
 * of 64 and at most {@code maxWorkPixels} (about 1 MP, the reference's working size); so the window
 * is scaled by {@code s = max(1, sqrt(area / maxWorkPixels))} (never enlarged), each working side
 * is rounded up to a multiple of 64, and the window grows to {@code working side x s} so that its
 * aspect is the working size's (within a pixel). A window that would cross a document edge is
 * shifted back inside, not shrunk; only when the document itself is narrower (or lower) than the
 * grown window does the window take the document's whole extent, and that side's working size is
 * then the nearest multiple of 64 (the aspect is off by less than 32 working pixels on that side).
 *
 * <p>A window never needs more than {@code maxWorkPixels} at working size. When the padded mask
 * itself is larger than that, the whole window is scaled down (s > 1): the mask is still generated
 * in one pass, at lower detail, then scaled back up, exactly like a plain inpaint of a big picture
 * (no tiling).
 *
 * @param region     the window in document pixels (inside the document)
 * @param workWidth  the model's width for it (multiple of 64)
 * @param workHeight the model's height for it (multiple of 64)
 */
public record ContextWindow(Rect region, int workWidth, int workHeight) {
    public static final int MULTIPLE = 64;
    /** 1024 x 1024, the largest working size of the reference. */
    public static final long DEFAULT_MAX_WORK_PIXELS = 1024L * 1024L;

    /** Document pixels per working pixel across (1 = the model sees the window at full resolution). */
    public double scaleX() {
        return region.width() / (double) workWidth;
    }

    public double scaleY() {
        return region.height() / (double) workHeight;
    }

    /**
     * The window for a mask whose non-zero pixels lie in {@code maskBounds}.
     *
     * @param padding context around the mask in document pixels, 0 or more
     */
    public static ContextWindow around(Rect maskBounds, int docWidth, int docHeight, int padding, long maxWorkPixels) {
        if (padding < 0) {
            throw new IllegalArgumentException("padding cannot be negative (" + padding + " px)");
        }
        checkInside(maskBounds, "mask", docWidth, docHeight);
        int x0 = Math.max(0, maskBounds.x() - padding);
        int y0 = Math.max(0, maskBounds.y() - padding);
        int x1 = (int) Math.min(docWidth, (long) maskBounds.right() + padding);
        int y1 = (int) Math.min(docHeight, (long) maskBounds.bottom() + padding);
        return covering(new Rect(x0, y0, x1 - x0, y1 - y0), docWidth, docHeight, maxWorkPixels);
    }

    /**
     * The window that shows at least {@code least} (a region chosen by hand, or the padded mask of
     * {@link #around}), by the same rules: scaled to at most {@code maxWorkPixels}, working sides
     * multiples of 64, grown about its centre to the working size's aspect, shifted back inside the
     * document, never shrunk. The result always contains {@code least}.
     */
    public static ContextWindow covering(Rect least, int docWidth, int docHeight, long maxWorkPixels) {
        if (maxWorkPixels < MULTIPLE * MULTIPLE) {
            throw new IllegalArgumentException("the working size must allow at least 64x64 pixels");
        }
        checkInside(least, "region", docWidth, docHeight);
        int x0 = least.x();
        int y0 = least.y();
        int rw = least.width();
        int rh = least.height();
        double s = Math.max(1.0, Math.sqrt((double) rw * rh / maxWorkPixels));
        int workW;
        int workH;
        while (true) {
            workW = roundUp(rw / s);
            workH = roundUp(rh / s);
            if ((long) workW * workH <= maxWorkPixels) {
                break;
            }
            s *= 1.005;
        }
        long wantW = (long) Math.ceil(workW * s - 1e-9);
        long wantH = (long) Math.ceil(workH * s - 1e-9);
        int ww = (int) Math.min(docWidth, wantW);
        int wh = (int) Math.min(docHeight, wantH);
        if (ww < wantW) {
            workW = nearest(ww / s, maxWorkPixels / workH);
        }
        if (wh < wantH) {
            workH = nearest(wh / s, maxWorkPixels / workW);
        }
        int x = Math.clamp(x0 - (ww - rw) / 2, 0, docWidth - ww);
        int y = Math.clamp(y0 - (wh - rh) / 2, 0, docHeight - wh);
        return new ContextWindow(new Rect(x, y, ww, wh), workW, workH);
    }

    /** The same window (working size too) with its region's corner at ({@code x}, {@code y}). */
    public ContextWindow movedTo(int x, int y) {
        return new ContextWindow(new Rect(x, y, region.width(), region.height()), workWidth, workHeight);
    }

    private static void checkInside(Rect r, String what, int docWidth, int docHeight) {
        if (docWidth < 1 || docHeight < 1 || !new Rect(0, 0, docWidth, docHeight).contains(r)) {
            throw new IllegalArgumentException("the " + what + " " + r + " is not inside the " + docWidth + "x" + docHeight + " document");
        }
    }

    private static int roundUp(double length) {
        return (int) Math.max(MULTIPLE, Math.ceil(length / MULTIPLE - 1e-9) * MULTIPLE);
    }

    private static int nearest(double length, long most) {
        int n = (int) Math.max(MULTIPLE, Math.round(length / MULTIPLE) * MULTIPLE);
        while (n > MULTIPLE && n > most) {
            n -= MULTIPLE;
        }
        return n;
    }
}
