package app.vernissage.core.image;

/**
 * Pillow's conversions between straight RGBA and premultiplied RGBa (as used around its resize):
 * premultiplying uses the rounded {@code c * a / 255} of its {@code MULDIV255} macro, and
 * un-premultiplying uses the truncated {@code 255 * c / a} clipped to 255, leaving colours
 * unchanged where alpha is 0 or 255.
 */
final class Premultiply {
    private Premultiply() {
    }

    static int[] toPremultiplied(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            int r = mulDiv255((p >>> 16) & 0xFF, a);
            int g = mulDiv255((p >>> 8) & 0xFF, a);
            int b = mulDiv255(p & 0xFF, a);
            out[i] = (a << 24) | (r << 16) | (g << 8) | b;
        }
        return out;
    }

    static int[] toStraight(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            if (a == 0 || a == 255) {
                out[i] = p;
                continue;
            }
            int r = Math.min(255, 255 * ((p >>> 16) & 0xFF) / a);
            int g = Math.min(255, 255 * ((p >>> 8) & 0xFF) / a);
            int b = Math.min(255, 255 * (p & 0xFF) / a);
            out[i] = (a << 24) | (r << 16) | (g << 8) | b;
        }
        return out;
    }

    private static int mulDiv255(int c, int a) {
        int t = c * a + 128;
        return ((t >> 8) + t) >> 8;
    }
}
