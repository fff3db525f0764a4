package app.vernissage.core.image;

/**
 * One axis of the bicubic resampling on a single float plane: sums in double, each result stored
 * as a float (as Pillow does for its 32-bit float mode), unclipped.
 */
final class FloatPass {
    private FloatPass() {
    }

    static double[] horizontal(double[] src, int srcW, int rows, BicubicCoefficients c, int outW) {
        double[] out = new double[outW * rows];
        for (int y = 0; y < rows; y++) {
            for (int xx = 0; xx < outW; xx++) {
                int first = y * srcW + c.first[xx];
                int kRow = xx * c.windowSize;
                double sum = 0.0;
                for (int i = 0; i < c.count[xx]; i++) {
                    sum += src[first + i] * c.weights[kRow + i];
                }
                out[y * outW + xx] = (float) sum;
            }
        }
        return out;
    }

    static double[] vertical(double[] src, int width, int srcH, BicubicCoefficients c, int outH) {
        double[] out = new double[width * outH];
        for (int yy = 0; yy < outH; yy++) {
            int kRow = yy * c.windowSize;
            for (int x = 0; x < width; x++) {
                double sum = 0.0;
                for (int i = 0; i < c.count[yy]; i++) {
                    sum += src[(c.first[yy] + i) * width + x] * c.weights[kRow + i];
                }
                out[yy * width + x] = (float) sum;
            }
        }
        return out;
    }
}
