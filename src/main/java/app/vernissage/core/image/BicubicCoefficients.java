package app.vernissage.core.image;

/**
 * Resampling weights for one axis, computed the way Pillow's {@code Resample.c} does for its
 * bicubic filter: cubic kernel with {@code a = -0.5} and support 2, the support widened by the
 * shrink factor (antialiasing), a window of source pixels per output pixel, weights normalised to
 * sum to 1. Written from the published behaviour of Pillow, not copied from it.
 */
final class BicubicCoefficients {
    /** Fixed-point precision Pillow uses for 8-bit data: {@code 32 - 8 - 2} bits. */
    static final int PRECISION_BITS = 22;

    private static final double SUPPORT = 2.0;
    private static final double A = -0.5;

    /** Weights per output pixel; row {@code i} uses {@code count[i]} entries starting at column 0. */
    final double[] weights;
    /** First source index per output pixel. */
    final int[] first;
    /** Number of source pixels per output pixel. */
    final int[] count;
    /** Row stride of {@link #weights}. */
    final int windowSize;

    private BicubicCoefficients(double[] weights, int[] first, int[] count, int windowSize) {
        this.weights = weights;
        this.first = first;
        this.count = count;
        this.windowSize = windowSize;
    }

    static BicubicCoefficients compute(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = SUPPORT * filterScale;
        int windowSize = (int) Math.ceil(support) * 2 + 1;
        double[] weights = new double[outSize * windowSize];
        int[] first = new int[outSize];
        int[] count = new int[outSize];
        double inverseScale = 1.0 / filterScale;
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            int xmin = (int) (center - support + 0.5);
            if (xmin < 0) {
                xmin = 0;
            }
            int xmax = (int) (center + support + 0.5);
            if (xmax > inSize) {
                xmax = inSize;
            }
            xmax -= xmin;
            int row = xx * windowSize;
            double total = 0.0;
            for (int x = 0; x < xmax; x++) {
                double w = kernel(((double) (x + xmin) - center + 0.5) * inverseScale);
                weights[row + x] = w;
                total += w;
            }
            if (total != 0.0) {
                for (int x = 0; x < xmax; x++) {
                    weights[row + x] /= total;
                }
            }
            first[xx] = xmin;
            count[xx] = xmax;
        }
        return new BicubicCoefficients(weights, first, count, windowSize);
    }

    /** The weights as Pillow's rounded fixed-point integers. */
    int[] fixedPoint() {
        int[] fixed = new int[weights.length];
        double one = 1 << PRECISION_BITS;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            fixed[i] = w < 0 ? (int) (-0.5 + w * one) : (int) (0.5 + w * one);
        }
        return fixed;
    }

    static double kernel(double x) {
        if (x < 0.0) {
            x = -x;
        }
        if (x < 1.0) {
            return ((A + 2.0) * x - (A + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * A;
        }
        return 0.0;
    }
}
