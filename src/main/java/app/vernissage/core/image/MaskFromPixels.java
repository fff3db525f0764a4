package app.vernissage.core.image;

/**
 * Derives a {@link Mask} from a decoded picture: the alpha channel when it carries any
 * transparency, otherwise the luminance (white = repaint).
 */
final class MaskFromPixels {
    private MaskFromPixels() {
    }

    static Mask convert(PixelImage image) {
        int[] argb = image.argb();
        byte[] values = new byte[argb.length];
        if (image.hasAlpha() && anyTranslucent(argb)) {
            for (int i = 0; i < argb.length; i++) {
                values[i] = (byte) (argb[i] >>> 24);
            }
        } else {
            for (int i = 0; i < argb.length; i++) {
                values[i] = (byte) luminance(argb[i]);
            }
        }
        return new Mask(image.width(), image.height(), values);
    }

    /** {@code round(0.299 R + 0.587 G + 0.114 B)} computed exactly in integers (halves round up). */
    static int luminance(int argb) {
        int r = (argb >>> 16) & 0xFF;
        int g = (argb >>> 8) & 0xFF;
        int b = argb & 0xFF;
        return (299 * r + 587 * g + 114 * b + 500) / 1000;
    }

    private static boolean anyTranslucent(int[] argb) {
        for (int p : argb) {
            if ((p >>> 24) != 0xFF) {
                return true;
            }
        }
        return false;
    }
}
