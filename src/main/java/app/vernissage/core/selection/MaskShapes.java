package app.vernissage.core.selection;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.history.MaskRegionEdit;
import app.vernissage.core.image.Mask;

import java.util.Arrays;

/**
 * Rectangle and lasso selections rasterised into the mask. A pixel belongs to a shape when its
 * centre ({@code x + 0.5}, {@code y + 0.5}) lies inside; polygons use the even-odd rule, so a lasso
 * that crosses itself leaves the twice-enclosed part out. Edges are hard (no anti-aliasing).
 */
public final class MaskShapes {
    private MaskShapes() {
    }

    /** Adds (255) or subtracts (0) the rectangle, clipped to the picture; null when nothing changed. */
    public static MaskRegionEdit rectangle(Document document, PixelRect rect, SelectionMode mode) {
        PixelRect area = rect.clip(document.width(), document.height());
        if (area.isEmpty()) {
            return null;
        }
        byte[] next = new byte[Math.toIntExact(area.area())];
        Arrays.fill(next, mode == SelectionMode.ADD ? (byte) 255 : 0);
        return MaskChange.commit(document, area, next,
                mode == SelectionMode.ADD ? "Rectangle selection" : "Subtract rectangle");
    }

    /**
     * Adds or subtracts the closed polygon through the points ({@code xs[i]}, {@code ys[i]}) in image
     * pixels (the last point joins the first); null when it covers no pixel centre or changes nothing.
     */
    public static MaskRegionEdit polygon(Document document, double[] xs, double[] ys, SelectionMode mode) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("Polygon needs as many x as y coordinates.");
        }
        if (xs.length < 3) {
            return null;
        }
        Mask mask = document.mask();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("Polygon point " + i + " is not finite.");
            }
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        PixelRect window = PixelRect.ofCorners((int) Math.floor(minX), (int) Math.floor(minY),
                (int) Math.ceil(maxX) + 1, (int) Math.ceil(maxY) + 1).clip(mask.width(), mask.height());
        if (window.isEmpty()) {
            return null;
        }
        byte[] next = MaskChange.copy(mask, window);
        byte value = mode == SelectionMode.ADD ? (byte) 255 : 0;
        double[] crossings = new double[xs.length];
        int n = xs.length;
        for (int row = 0; row < window.height(); row++) {
            double cy = window.y() + row + 0.5;
            int count = 0;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double y0 = ys[j];
                double y1 = ys[i];
                // Half-open in y so a vertex shared by two edges counts once.
                if ((y0 <= cy) != (y1 <= cy)) {
                    crossings[count++] = xs[j] + (cy - y0) * (xs[i] - xs[j]) / (y1 - y0);
                }
            }
            Arrays.sort(crossings, 0, count);
            for (int k = 0; k + 1 < count; k += 2) {
                // Pixel centres x + 0.5 in [a, b).
                int from = Math.max(window.x(), (int) Math.ceil(crossings[k] - 0.5));
                int to = Math.min(window.right(), (int) Math.ceil(crossings[k + 1] - 0.5));
                if (from < to) {
                    int base = row * window.width() - window.x();
                    Arrays.fill(next, base + from, base + to, value);
                }
            }
        }
        return MaskChange.commit(document, window, next,
                mode == SelectionMode.ADD ? "Lasso selection" : "Subtract lasso");
    }
}
