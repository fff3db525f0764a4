package app.vernissage.core.canvas;

import java.util.Locale;

/**
 * How many pixels to add on each side of a picture. Every value is 0 or more; at least one must be
 * above 0 for an extension to make sense ({@link #isZero()}).
 */
public record Outsets(int left, int top, int right, int bottom) {
    /** The largest amount accepted on one side (a sanity bound; the document's pixel limit applies too). */
    public static final int MAX_SIDE = 65_536;

    public Outsets {
        check("left", left);
        check("top", top);
        check("right", right);
        check("bottom", bottom);
    }

    private static void check(String side, int px) {
        if (px < 0) {
            throw new IllegalArgumentException("cannot extend the " + side + " side by a negative amount (" + px + " px)");
        }
        if (px > MAX_SIDE) {
            throw new IllegalArgumentException("extending the " + side + " side by " + px + " px is more than the "
                    + MAX_SIDE + " px allowed");
        }
    }

    public static Outsets none() {
        return new Outsets(0, 0, 0, 0);
    }

    public boolean isZero() {
        return left == 0 && top == 0 && right == 0 && bottom == 0;
    }

    /**
     * Reads one side's amount: {@code N} pixels, {@code N%} of the picture's extent across that side
     * (width for left/right, height for top/bottom), or {@code xF}, growing that extent to F times
     * (x2 doubles it, adding 100%). Presets in the issue: {@code 25%}, {@code 50%}, {@code x2}.
     *
     * @param text   what the user typed
     * @param extent the current width (left/right) or height (top/bottom)
     * @return pixels to add, 0 or more
     * @throws IllegalArgumentException with a sentence for anything else
     */
    public static int parseAmount(String side, String text, int extent) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            long px;
            if (t.endsWith("%")) {
                double percent = Double.parseDouble(t.substring(0, t.length() - 1));
                px = Math.round(extent * percent / 100.0);
                if (!(percent >= 0)) {
                    px = -1;
                }
            } else if (t.startsWith("x")) {
                double factor = Double.parseDouble(t.substring(1));
                if (!(factor >= 1)) {
                    throw new IllegalArgumentException("--" + side + " " + text + ": a factor must be 1 or more (x2 doubles)");
                }
                px = Math.round(extent * (factor - 1));
            } else {
                px = Long.parseLong(t.endsWith("px") ? t.substring(0, t.length() - 2) : t);
            }
            if (px < 0) {
                throw new IllegalArgumentException("--" + side + " " + text + ": cannot extend by a negative amount");
            }
            if (px > MAX_SIDE) {
                throw new IllegalArgumentException("--" + side + " " + text + " is " + px + " px, more than the "
                        + MAX_SIDE + " px allowed on one side");
            }
            return (int) px;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + side + " " + text + " is not a size: use pixels (256), a percentage "
                    + "(25%, 50%) or a factor (x2)");
        }
    }

    /**
     * Checks an amount's form before the picture's size is known: throws for anything
     * {@link #parseAmount} refuses whatever the size (not a size, negative, a factor below 1, more
     * pixels than allowed), and tells whether it adds anything at all.
     */
    public static boolean addsSomething(String side, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("%") || t.startsWith("x")) {
            // A fraction of the extent: its form and sign do not depend on the extent.
            parseAmount(side, text, 1);
            double v = Double.parseDouble(t.endsWith("%") ? t.substring(0, t.length() - 1) : t.substring(1));
            return t.endsWith("%") ? v > 0 : v > 1;
        }
        return parseAmount(side, text, 1) > 0;
    }

    /** The same outsets on one side only, for a panorama step. */
    public static Outsets of(Side side, int px) {
        return switch (side) {
            case LEFT -> new Outsets(px, 0, 0, 0);
            case TOP -> new Outsets(0, px, 0, 0);
            case RIGHT -> new Outsets(0, 0, px, 0);
            case BOTTOM -> new Outsets(0, 0, 0, px);
        };
    }

    /** A side of the picture. */
    public enum Side {
        LEFT, TOP, RIGHT, BOTTOM;

        public static Side parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown side '" + text + "' (left, right, top or bottom)");
            }
        }
    }
}
