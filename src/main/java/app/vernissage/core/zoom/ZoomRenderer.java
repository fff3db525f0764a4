package app.vernissage.core.zoom;

import app.vernissage.core.image.PixelImage;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a smooth zoom-out through keyframes. Keyframe k+1 holds keyframe k shrunk by
 * {@code zoom} in its centre; the frame at time t (0 = the first keyframe, n = the last) with
 * {@code k = floor(t)}, {@code f = t - k} shows keyframe k+1 magnified by {@code zoom^(1-f)} about
 * the centre, with keyframe k on top at scale {@code zoom^-f} (sharper there), its outer border
 * faded so the two meet without a visible edge. The zoom per frame is geometric, so the motion
 * looks even. All frames have the keyframes' size.
 */
public final class ZoomRenderer {
    private final List<BufferedImage> plain = new ArrayList<>();
    private final List<BufferedImage> faded = new ArrayList<>();
    private final double zoom;
    private final int width;
    private final int height;

    /**
     * @param keyframes at least 2 pictures of one size, each the next zoom level out
     * @param zoom      how much each keyframe zooms out from the one before (above 1)
     * @param fadePx    width of the faded border of the on-top keyframe, in its own pixels
     */
    public ZoomRenderer(List<PixelImage> keyframes, double zoom, int fadePx) {
        if (keyframes.size() < 2) {
            throw new IllegalArgumentException("a zoom needs at least 2 keyframes, got " + keyframes.size());
        }
        if (!(zoom > 1.0)) {
            throw new IllegalArgumentException("the zoom per step must be above 1, got " + zoom);
        }
        this.zoom = zoom;
        this.width = keyframes.getFirst().width();
        this.height = keyframes.getFirst().height();
        for (PixelImage k : keyframes) {
            if (k.width() != width || k.height() != height) {
                throw new IllegalArgumentException("keyframes differ in size: " + k.width() + "x" + k.height()
                        + " and " + width + "x" + height);
            }
            plain.add(buffered(k, 0));
            faded.add(buffered(k, fadePx));
        }
    }

    public int steps() {
        return plain.size() - 1;
    }

    /** The time of frame {@code i} of {@code count}, evenly from 0 to {@link #steps()}. */
    public double timeOf(int i, int count) {
        return count <= 1 ? 0 : (double) i * steps() / (count - 1);
    }

    /** The frame at time {@code t} in [0, steps()], as an opaque picture. */
    public PixelImage frame(double t) {
        double tt = Math.clamp(t, 0.0, steps());
        int k = Math.min((int) Math.floor(tt), steps() - 1);
        double f = tt - k;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(plain.get(k + 1), about(Math.pow(zoom, 1 - f)), null);
            g.drawImage(faded.get(k), about(Math.pow(zoom, -f)), null);
        } finally {
            g.dispose();
        }
        int[] argb = new int[width * height];
        out.getRGB(0, 0, width, height, argb, 0, width);
        return new PixelImage(width, height, argb, false);
    }

    private AffineTransform about(double scale) {
        AffineTransform t = new AffineTransform();
        t.translate(width / 2.0, height / 2.0);
        t.scale(scale, scale);
        t.translate(-width / 2.0, -height / 2.0);
        return t;
    }

    private static BufferedImage buffered(PixelImage image, int fadePx) {
        int w = image.width();
        int h = image.height();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] px = image.argb().clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int a = 255;
                if (fadePx > 0) {
                    int d = Math.min(Math.min(x, w - 1 - x), Math.min(y, h - 1 - y));
                    if (d < fadePx) {
                        a = Math.round(255f * (d + 1) / (fadePx + 1));
                    }
                }
                px[i] = (a << 24) | (px[i] & 0xFFFFFF);
            }
        }
        b.setRGB(0, 0, w, h, px, 0, w);
        return b;
    }
}
