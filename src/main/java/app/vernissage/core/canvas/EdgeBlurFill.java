package app.vernissage.core.canvas;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;

/**
 * Pure-Java pre-fill: the colours at the hole's edge extended into it and blurred more the farther
 * they reach, through a push-pull pyramid. Pull: halve the picture repeatedly, each coarse pixel the
 * mean of its known fine pixels. Push: from the coarsest level down, every unknown pixel takes the
 * bilinear upsampling of the level below it. Near the edge the fill is the edge's own colour; deep
 * inside it is a wide average (a multi-scale blur), never a flat hole. Alpha is filled the same way.
 * Cost and memory: O(pixels) floats for the region given, so call it on a window, not a huge document.
 */
public final class EdgeBlurFill implements PreFill {
    public static final EdgeBlurFill INSTANCE = new EdgeBlurFill();

    @Override
    public PixelImage fill(PixelImage image, Mask hole) {
        int w = image.width();
        int h = image.height();
        if (hole.width() != w || hole.height() != h) {
            throw new IllegalArgumentException("hole is " + hole.width() + "x" + hole.height() + " but the picture is " + w + "x" + h);
        }
        byte[] m = hole.values();
        int[] src = image.argb();
        boolean any = false;
        boolean anyKnown = false;
        for (byte b : m) {
            if (b != 0) {
                any = true;
            } else {
                anyKnown = true;
            }
            if (any && anyKnown) {
                break;
            }
        }
        if (!any || !anyKnown) {
            return image;
        }
        // Level 0: four channels (A, R, G, B) and a weight (1 = known).
        java.util.List<float[]> colours = new java.util.ArrayList<>();
        java.util.List<float[]> weights = new java.util.ArrayList<>();
        java.util.List<int[]> sizes = new java.util.ArrayList<>();
        float[] c0 = new float[4 * w * h];
        float[] w0 = new float[w * h];
        for (int i = 0; i < w * h; i++) {
            if (m[i] == 0) {
                int p = src[i];
                c0[4 * i] = p >>> 24;
                c0[4 * i + 1] = (p >>> 16) & 0xFF;
                c0[4 * i + 2] = (p >>> 8) & 0xFF;
                c0[4 * i + 3] = p & 0xFF;
                w0[i] = 1f;
            }
        }
        colours.add(c0);
        weights.add(w0);
        sizes.add(new int[]{w, h});
        // Pull.
        while (true) {
            int[] s = sizes.getLast();
            float[] c = colours.getLast();
            float[] wt = weights.getLast();
            if (s[0] == 1 && s[1] == 1) {
                break;
            }
            boolean complete = true;
            for (float v : wt) {
                if (v == 0f) {
                    complete = false;
                    break;
                }
            }
            if (complete) {
                break;
            }
            int nw = (s[0] + 1) / 2;
            int nh = (s[1] + 1) / 2;
            float[] nc = new float[4 * nw * nh];
            float[] nwt = new float[nw * nh];
            for (int y = 0; y < nh; y++) {
                for (int x = 0; x < nw; x++) {
                    float sum = 0;
                    float a = 0, r = 0, g = 0, b = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        int fy = 2 * y + dy;
                        if (fy >= s[1]) {
                            continue;
                        }
                        for (int dx = 0; dx < 2; dx++) {
                            int fx = 2 * x + dx;
                            if (fx >= s[0]) {
                                continue;
                            }
                            int fi = fy * s[0] + fx;
                            float q = wt[fi];
                            if (q > 0) {
                                sum += q;
                                a += q * c[4 * fi];
                                r += q * c[4 * fi + 1];
                                g += q * c[4 * fi + 2];
                                b += q * c[4 * fi + 3];
                            }
                        }
                    }
                    int ci = y * nw + x;
                    if (sum > 0) {
                        nc[4 * ci] = a / sum;
                        nc[4 * ci + 1] = r / sum;
                        nc[4 * ci + 2] = g / sum;
                        nc[4 * ci + 3] = b / sum;
                        nwt[ci] = 1f;
                    }
                }
            }
            colours.add(nc);
            weights.add(nwt);
            sizes.add(new int[]{nw, nh});
        }
        // Push: fill each level's unknown pixels from the (complete) level below.
        for (int l = colours.size() - 2; l >= 0; l--) {
            int[] s = sizes.get(l);
            int[] cs = sizes.get(l + 1);
            float[] c = colours.get(l);
            float[] wt = weights.get(l);
            float[] cc = colours.get(l + 1);
            for (int y = 0; y < s[1]; y++) {
                float sy = Math.clamp((y + 0.5f) / 2f - 0.5f, 0f, cs[1] - 1);
                int y0 = (int) sy;
                int y1 = Math.min(y0 + 1, cs[1] - 1);
                float fy = sy - y0;
                for (int x = 0; x < s[0]; x++) {
                    int i = y * s[0] + x;
                    if (wt[i] > 0) {
                        continue;
                    }
                    float sx = Math.clamp((x + 0.5f) / 2f - 0.5f, 0f, cs[0] - 1);
                    int x0 = (int) sx;
                    int x1 = Math.min(x0 + 1, cs[0] - 1);
                    float fx = sx - x0;
                    for (int k = 0; k < 4; k++) {
                        float top = cc[4 * (y0 * cs[0] + x0) + k] * (1 - fx) + cc[4 * (y0 * cs[0] + x1) + k] * fx;
                        float bottom = cc[4 * (y1 * cs[0] + x0) + k] * (1 - fx) + cc[4 * (y1 * cs[0] + x1) + k] * fx;
                        c[4 * i + k] = top * (1 - fy) + bottom * fy;
                    }
                    wt[i] = 1f;
                }
            }
        }
        int[] out = src.clone();
        for (int i = 0; i < w * h; i++) {
            if (m[i] != 0) {
                int a = image.hasAlpha() ? Math.clamp(Math.round(c0[4 * i]), 0, 255) : 0xFF;
                out[i] = a << 24 | Math.clamp(Math.round(c0[4 * i + 1]), 0, 255) << 16
                        | Math.clamp(Math.round(c0[4 * i + 2]), 0, 255) << 8 | Math.clamp(Math.round(c0[4 * i + 3]), 0, 255);
            }
        }
        return new PixelImage(w, h, out, image.hasAlpha());
    }
}
