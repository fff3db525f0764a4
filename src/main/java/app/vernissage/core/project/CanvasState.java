package app.vernissage.core.project;

import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.window.ContextWindow;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The outpainting state of a piece of work that is not in its pixels (project format 2): whether
 * Generate works on a context window (after an extension), the window the user placed by hand (empty:
 * the automatic one from the mask and the padding), and the Extend-canvas settings.
 *
 * @param contextWindow true when Generate works on a context window rather than the whole picture
 * @param manualWindow  the window placed by hand with its working size; only with {@code contextWindow}
 * @param overlap       depth of the blend band into the old picture, 0 to {@value #MAX_OVERLAP} pixels
 * @param padding       context around the mask for the automatic window, 0 to {@value #MAX_PADDING} pixels
 * @param preFill       how an extension's new area is filled before the model repaints it
 */
public record CanvasState(boolean contextWindow, Optional<ContextWindow> manualWindow, int overlap, int padding,
                          PreFillMethod preFill) {
    public static final int DEFAULT_OVERLAP = 32;
    public static final int DEFAULT_PADDING = 128;
    /** The editor refuses deeper overlap bands (OutpaintController.MAX_OVERLAP). */
    public static final int MAX_OVERLAP = 4096;
    /** The editor clamps the padding to this. */
    public static final int MAX_PADDING = 8192;

    /** What a fresh editor starts with: the whole picture, automatic window, default settings. */
    public static final CanvasState DEFAULT = new CanvasState(false, Optional.empty(), DEFAULT_OVERLAP, DEFAULT_PADDING,
            PreFillMethod.BLUR);

    /** The pre-fill methods of the Extend dialog; stored by {@link #id()}. */
    public enum PreFillMethod {
        BLUR, TELEA, NS, NONE;

        /** The name in the project file: "blur", "telea", "ns" or "none". */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The method stored as {@code id}, or empty for anything else. */
        public static Optional<PreFillMethod> ofId(String id) {
            for (PreFillMethod m : values()) {
                if (m.id().equals(id)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    public CanvasState {
        Objects.requireNonNull(manualWindow, "manualWindow");
        Objects.requireNonNull(preFill, "the pre-fill method is missing");
        if (overlap < 0 || overlap > MAX_OVERLAP) {
            throw new IllegalArgumentException("the overlap " + overlap + " is not between 0 and " + MAX_OVERLAP + " pixels");
        }
        if (padding < 0 || padding > MAX_PADDING) {
            throw new IllegalArgumentException("the padding " + padding + " is not between 0 and " + MAX_PADDING + " pixels");
        }
        if (manualWindow.isPresent() && !contextWindow) {
            throw new IllegalArgumentException("a hand-placed window without a context window");
        }
        manualWindow.ifPresent(CanvasState::checkWorkingSize);
    }

    /** Throws IllegalArgumentException unless the manual window (if any) lies inside a {@code width} x {@code height} picture. */
    public void checkFits(int width, int height) {
        if (manualWindow.isPresent()) {
            Rect r = manualWindow.get().region();
            if (r.x() < 0 || r.y() < 0 || (long) r.x() + r.width() > width || (long) r.y() + r.height() > height) {
                throw new IllegalArgumentException("the context window " + r.x() + "," + r.y() + " " + r.width() + "x"
                        + r.height() + " is not inside the " + width + "x" + height + " picture");
            }
        }
    }

    private static void checkWorkingSize(ContextWindow w) {
        int ww = w.workWidth();
        int wh = w.workHeight();
        if (ww < ContextWindow.MULTIPLE || wh < ContextWindow.MULTIPLE || ww % ContextWindow.MULTIPLE != 0
                || wh % ContextWindow.MULTIPLE != 0 || (long) ww * wh > ContextWindow.DEFAULT_MAX_WORK_PIXELS) {
            throw new IllegalArgumentException("the context window's working size " + ww + "x" + wh
                    + " is not made of multiples of " + ContextWindow.MULTIPLE + " within "
                    + ContextWindow.DEFAULT_MAX_WORK_PIXELS + " pixels");
        }
    }
}
