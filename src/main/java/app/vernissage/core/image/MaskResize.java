package app.vernissage.core.image;

/**
 * Bilinear resizing of float masks that reproduces
 * {@code skimage.transform.resize(mask, (h, w), order=1, preserve_range=True, anti_aliasing=False)}
 * of scikit-image 0.19 (default {@code mode='reflect'}, which scikit-image hands to SciPy's
 * {@code ndimage.zoom} as {@code 'mirror'} with {@code grid_mode=True}).
 *
 * <p>Pixel centres are mapped: output index {@code i} samples source coordinate
 * {@code (i + 0.5) * in / out - 0.5}; coordinates outside the source are mirrored about the first
 * and last pixel centres; the result is clipped to the input's value range, as scikit-image does.
 */
public final class MaskResize {
    private MaskResize() {
    }

    /**
     * Resizes a row-major {@code srcW x srcH} float plane to {@code w x h}.
     *
     * @return a new row-major array of {@code w * h} values
     */
    public static float[] bilinear(float[] src, int srcW, int srcH, int w, int h) {
        if (srcW < 1 || srcH < 1 || w < 1 || h < 1) {
            throw new IllegalArgumentException("Sizes must be at least 1 x 1, got " + srcW + " x " + srcH
                    + " -> " + w + " x " + h + ".");
        }
        if ((long) src.length != (long) srcW * srcH) {
            throw new IllegalArgumentException("Expected " + ((long) srcW * srcH) + " values for " + srcW + " x "
                    + srcH + ", got " + src.length + ".");
        }
        LinearTaps columns = LinearTaps.compute(srcW, w);
        LinearTaps rows = LinearTaps.compute(srcH, h);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : src) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float[] out = new float[Math.multiplyExact(w, h)];
        for (int y = 0; y < h; y++) {
            int row0 = rows.low[y] * srcW;
            int row1 = rows.high[y] * srcW;
            double wy0 = rows.lowWeight[y];
            double wy1 = rows.highWeight[y];
            for (int x = 0; x < w; x++) {
                int c0 = columns.low[x];
                int c1 = columns.high[x];
                double wx0 = columns.lowWeight[x];
                double wx1 = columns.highWeight[x];
                double value = wy0 * (wx0 * src[row0 + c0] + wx1 * src[row0 + c1])
                        + wy1 * (wx0 * src[row1 + c0] + wx1 * src[row1 + c1]);
                float f = (float) value;
                out[y * w + x] = f < min ? min : (f > max ? max : f);
            }
        }
        return out;
    }

    /** The two source indices and weights of linear interpolation for each output index of one axis. */
    private static final class LinearTaps {
        final int[] low;
        final int[] high;
        final double[] lowWeight;
        final double[] highWeight;

        private LinearTaps(int outSize) {
            low = new int[outSize];
            high = new int[outSize];
            lowWeight = new double[outSize];
            highWeight = new double[outSize];
        }

        static LinearTaps compute(int inSize, int outSize) {
            LinearTaps taps = new LinearTaps(outSize);
            double zoom = (double) inSize / outSize;
            for (int i = 0; i < outSize; i++) {
                double coordinate = mirror((i + 0.5) * zoom - 0.5, inSize);
                int start = (int) Math.floor(coordinate);
                double t = coordinate - start;
                taps.low[i] = mirrorIndex(start, inSize);
                taps.high[i] = mirrorIndex(start + 1, inSize);
                taps.lowWeight[i] = 1.0 - t;
                taps.highWeight[i] = t;
            }
            return taps;
        }

        /** Mirrors a coordinate about the first and last sample centres (SciPy's 'mirror'). */
        static double mirror(double in, int len) {
            if (len <= 1) {
                return 0.0;
            }
            double period = 2.0 * len - 2.0;
            if (in < 0) {
                in = period * (long) (-in / period) + in;
                return in <= 1 - len ? in + period : -in;
            }
            if (in > len - 1) {
                in -= period * (long) (in / period);
                return in >= len ? period - in : in;
            }
            return in;
        }

        static int mirrorIndex(int index, int len) {
            return (int) mirror(index, len);
        }
    }
}
