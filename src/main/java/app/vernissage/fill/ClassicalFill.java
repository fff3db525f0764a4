package app.vernissage.fill;

import app.vernissage.core.canvas.PreFill;
import app.vernissage.core.canvas.Regions;
import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.photo.Photo;

import java.util.Locale;

/**
 * Classical inpainting through OpenCV's {@code Photo.inpaint}: Telea's fast-marching method or the
 * Navier-Stokes method, from the {@code org.openpnp:opencv} package (natives bundled in the jar and
 * loaded from it, offline). Only the hole's bounding box plus a margin of a few radii is handed to
 * OpenCV (both methods only read pixels within the radius of the hole's edge), so a small hole in a
 * huge document costs little. Alpha is kept as it was, except that filled pixels become opaque.
 */
public final class ClassicalFill implements PreFill {
    /** The two classical methods. */
    public enum Method {
        TELEA(Photo.INPAINT_TELEA), NAVIER_STOKES(Photo.INPAINT_NS);

        private final int flag;

        Method(int flag) {
            this.flag = flag;
        }

        public static Method parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "telea" -> TELEA;
                case "ns", "navier-stokes", "navier_stokes" -> NAVIER_STOKES;
                default -> throw new IllegalArgumentException("unknown classical method '" + text + "' (telea or ns)");
            };
        }
    }

    private static final Object LOCK = new Object();
    private static volatile boolean loaded;

    private final Method method;
    private final double radius;

    public ClassicalFill(Method method, double radius) {
        if (!(radius >= 1 && radius <= 64)) {
            throw new IllegalArgumentException("the fill radius must be between 1 and 64 pixels, got " + radius);
        }
        this.method = method;
        this.radius = radius;
    }

    /** Loads OpenCV's native library once; a failure is an IllegalStateException with a sentence. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (LOCK) {
            if (!loaded) {
                try {
                    nu.pattern.OpenCV.loadLocally();
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalStateException("OpenCV's native library could not be loaded (" + e.getMessage()
                            + "); use the blur pre-fill instead", e);
                }
                loaded = true;
            }
        }
    }

    /**
     * The part of a {@code width} x {@code height} picture that a fill of a hole with these bounds
     * reads: the bounds grown by a few radii, clipped to the picture. Filling a crop of exactly this
     * rectangle gives the same pixels as filling the whole picture.
     */
    public Rect reach(Rect holeBounds, int width, int height) {
        int margin = (int) Math.ceil(radius) * 3 + 2;
        int x0 = Math.max(0, holeBounds.x() - margin);
        int y0 = Math.max(0, holeBounds.y() - margin);
        int x1 = Math.min(width, holeBounds.right() + margin);
        int y1 = Math.min(height, holeBounds.bottom() + margin);
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    @Override
    public PixelImage fill(PixelImage image, Mask hole) {
        if (hole.width() != image.width() || hole.height() != image.height()) {
            throw new IllegalArgumentException("hole is " + hole.width() + "x" + hole.height() + " but the picture is "
                    + image.width() + "x" + image.height());
        }
        Rect bounds = Regions.bounds(hole);
        if (bounds == null) {
            return image;
        }
        load();
        Rect r = reach(bounds, image.width(), image.height());
        PixelImage crop = Regions.crop(image, r);
        Mask cropHole = Regions.crop(hole, r);
        int n = r.width() * r.height();
        byte[] bgr = new byte[3 * n];
        int[] px = crop.argb();
        for (int i = 0; i < n; i++) {
            int p = px[i];
            bgr[3 * i] = (byte) p;
            bgr[3 * i + 1] = (byte) (p >>> 8);
            bgr[3 * i + 2] = (byte) (p >>> 16);
        }
        byte[] m = new byte[n];
        byte[] hv = cropHole.values();
        for (int i = 0; i < n; i++) {
            m[i] = hv[i] != 0 ? (byte) 255 : 0;
        }
        Mat src = new Mat(r.height(), r.width(), CvType.CV_8UC3);
        Mat mask = new Mat(r.height(), r.width(), CvType.CV_8UC1);
        Mat dst = new Mat();
        try {
            src.put(0, 0, bgr);
            mask.put(0, 0, m);
            Photo.inpaint(src, mask, dst, radius, method.flag);
            dst.get(0, 0, bgr);
        } finally {
            src.release();
            mask.release();
            dst.release();
        }
        int[] out = image.argb().clone();
        int w = image.width();
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                int i = y * r.width() + x;
                if (hv[i] != 0) {
                    out[(r.y() + y) * w + r.x() + x] = 0xFF000000 | (bgr[3 * i + 2] & 0xFF) << 16
                            | (bgr[3 * i + 1] & 0xFF) << 8 | (bgr[3 * i] & 0xFF);
                }
            }
        }
        return new PixelImage(image.width(), image.height(), out, image.hasAlpha());
    }
}
