package app.vernissage.core.canvas;

import app.vernissage.core.image.Composite;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;

/**
 * Matches a generated area's colours to its surroundings: per channel, the generated pixels under
 * the mask are shifted and scaled so that their mean and standard deviation become those of the
 * original pixels in a ring just outside the mask (scale limited to 0.5..2).
 */
public final class ColourMatch {
    private ColourMatch() {
    }

    /**
     * @param generated the generated picture (same size as original)
     * @param original  the picture before generation; the ring is read from it
     * @param mask      255 = generated
     * @param ringPx    ring width outside the mask
     * @return a new picture: {@code generated} with adjusted colours (alpha kept); unchanged when
     *         the ring or the masked area is empty
     */
    public static PixelImage toRing(PixelImage generated, PixelImage original, Mask mask, int ringPx) {
        float[] near = Composite.featheredAlpha(mask, Math.max(1, ringPx));
        byte[] m = mask.values();
        int[] g = generated.argb();
        int[] o = original.argb();
        double[] rs = new double[3], rq = new double[3], gs = new double[3], gq = new double[3];
        long rn = 0, gn = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == 0 && near[i] > 0f) {
                for (int c = 0; c < 3; c++) {
                    int v = (o[i] >>> (16 - 8 * c)) & 0xFF;
                    rs[c] += v;
                    rq[c] += (double) v * v;
                }
                rn++;
            } else if (m[i] != 0) {
                for (int c = 0; c < 3; c++) {
                    int v = (g[i] >>> (16 - 8 * c)) & 0xFF;
                    gs[c] += v;
                    gq[c] += (double) v * v;
                }
                gn++;
            }
        }
        if (rn == 0 || gn == 0) {
            return generated;
        }
        float[] scale = new float[3];
        float[] shift = new float[3];
        for (int c = 0; c < 3; c++) {
            double rm = rs[c] / rn;
            double gm = gs[c] / gn;
            double rsd = Math.sqrt(Math.max(0, rq[c] / rn - rm * rm));
            double gsd = Math.sqrt(Math.max(0, gq[c] / gn - gm * gm));
            double k = gsd < 1 ? 1 : Math.clamp(rsd / gsd, 0.5, 2.0);
            scale[c] = (float) k;
            shift[c] = (float) (rm - gm * k);
        }
        int[] out = new int[g.length];
        for (int i = 0; i < g.length; i++) {
            int p = g[i];
            int r = Math.clamp(Math.round(((p >>> 16) & 0xFF) * scale[0] + shift[0]), 0, 255);
            int gr = Math.clamp(Math.round(((p >>> 8) & 0xFF) * scale[1] + shift[1]), 0, 255);
            int b = Math.clamp(Math.round((p & 0xFF) * scale[2] + shift[2]), 0, 255);
            out[i] = (p & 0xFF000000) | r << 16 | gr << 8 | b;
        }
        return new PixelImage(generated.width(), generated.height(), out, generated.hasAlpha());
    }
}
