package app.vernissage.core.image;

/**
 * Bicubic resizing that reproduces Pillow's {@code Image.resize((w, h), Image.BICUBIC)} bit for bit
 * on 8-bit RGB and RGBA pictures, so that inputs prepared here match those a Python pipeline prepares.
 *
 * <p>What is reproduced: a separable convolution, horizontal pass first and then vertical, each
 * skipped when its size does not change; the cubic kernel with {@code a = -0.5} whose support grows
 * with the shrink factor; per-pixel weight normalisation; 22-bit fixed-point weights with rounding
 * and an 8-bit clip after each pass; and, for pictures with alpha, Pillow's conversion to
 * premultiplied RGBa before resizing and back afterwards.
 */
public final class PillowResize {
    private PillowResize() {
    }

    /**
     * Resizes an 8-bit picture exactly as Pillow's bicubic resize does.
     *
     * @return a new image; a copy when the size does not change
     */
    public static PixelImage bicubic(PixelImage src, int width, int height) {
        checkSize(width, height);
        if (src.width() == width && src.height() == height) {
            return src.copy();
        }
        int[] pixels = src.hasAlpha() ? Premultiply.toPremultiplied(src.argb()) : opaque(src.argb());
        int currentWidth = src.width();
        if (width != currentWidth) {
            pixels = FixedPointPass.horizontal(pixels, currentWidth, src.height(),
                    BicubicCoefficients.compute(currentWidth, width), width);
            currentWidth = width;
        }
        if (height != src.height()) {
            pixels = FixedPointPass.vertical(pixels, currentWidth, src.height(),
                    BicubicCoefficients.compute(src.height(), height), height);
        }
        if (src.hasAlpha()) {
            pixels = Premultiply.toStraight(pixels);
        } else {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] |= 0xFF000000;
            }
        }
        return new PixelImage(width, height, pixels, src.hasAlpha());
    }

    /**
     * The same bicubic kernel, coefficients and pass order in floating point (no fixed point, no
     * clipping) for float data in planar channel-height-width layout. Sums are taken in double and
     * each pass stores float results, which is what Pillow does for its 32-bit float mode
     * {@code "F"}, so a plane matches {@code Image.fromarray(plane, "F").resize((w, h), BICUBIC)}.
     *
     * @param planes   {@code channels * srcH * srcW} values, one plane per channel
     * @return {@code channels * h * w} values in the same layout; a copy when the size does not change
     */
    public static float[] bicubicPlanes(float[] planes, int channels, int srcW, int srcH, int w, int h) {
        checkSize(w, h);
        checkSize(srcW, srcH);
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, got " + channels + ".");
        }
        if ((long) planes.length != (long) channels * srcW * srcH) {
            throw new IllegalArgumentException("Expected " + ((long) channels * srcW * srcH) + " values for "
                    + channels + " x " + srcH + " x " + srcW + ", got " + planes.length + ".");
        }
        float[] out = new float[Math.multiplyExact(Math.multiplyExact(channels, w), h)];
        BicubicCoefficients horizontal = srcW != w ? BicubicCoefficients.compute(srcW, w) : null;
        BicubicCoefficients vertical = srcH != h ? BicubicCoefficients.compute(srcH, h) : null;
        for (int c = 0; c < channels; c++) {
            double[] plane = new double[srcW * srcH];
            for (int i = 0; i < plane.length; i++) {
                plane[i] = planes[c * srcW * srcH + i];
            }
            if (horizontal != null) {
                plane = FloatPass.horizontal(plane, srcW, srcH, horizontal, w);
            }
            if (vertical != null) {
                plane = FloatPass.vertical(plane, w, srcH, vertical, h);
            }
            for (int i = 0; i < plane.length; i++) {
                out[c * w * h + i] = (float) plane[i];
            }
        }
        return out;
    }

    private static int[] opaque(int[] argb) {
        int[] out = argb.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] |= 0xFF000000;
        }
        return out;
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Size must be at least 1 x 1, got " + width + " x " + height + ".");
        }
    }
}
