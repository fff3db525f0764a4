package app.vernissage.core.image;

/**
 * One axis of Pillow's 8-bit resampling on packed ARGB ints: the four bytes are filtered
 * independently with fixed-point weights, a rounding half added up front, and each result
 * shifted down and clipped to 0..255.
 */
final class FixedPointPass {
    private static final int HALF = 1 << (BicubicCoefficients.PRECISION_BITS - 1);

    private FixedPointPass() {
    }

    static int[] horizontal(int[] src, int srcW, int rows, BicubicCoefficients coefficients, int outW) {
        int[] k = coefficients.fixedPoint();
        int stride = coefficients.windowSize;
        int[] out = new int[outW * rows];
        for (int y = 0; y < rows; y++) {
            int rowStart = y * srcW;
            for (int xx = 0; xx < outW; xx++) {
                int first = rowStart + coefficients.first[xx];
                int n = coefficients.count[xx];
                int kRow = xx * stride;
                int s0 = HALF;
                int s1 = HALF;
                int s2 = HALF;
                int s3 = HALF;
                for (int i = 0; i < n; i++) {
                    int p = src[first + i];
                    int w = k[kRow + i];
                    s0 += ((p >>> 16) & 0xFF) * w;
                    s1 += ((p >>> 8) & 0xFF) * w;
                    s2 += (p & 0xFF) * w;
                    s3 += (p >>> 24) * w;
                }
                out[y * outW + xx] = pack(s3, s0, s1, s2);
            }
        }
        return out;
    }

    static int[] vertical(int[] src, int width, int srcH, BicubicCoefficients coefficients, int outH) {
        int[] k = coefficients.fixedPoint();
        int stride = coefficients.windowSize;
        int[] out = new int[width * outH];
        for (int yy = 0; yy < outH; yy++) {
            int first = coefficients.first[yy];
            int n = coefficients.count[yy];
            int kRow = yy * stride;
            for (int x = 0; x < width; x++) {
                int s0 = HALF;
                int s1 = HALF;
                int s2 = HALF;
                int s3 = HALF;
                for (int i = 0; i < n; i++) {
                    int p = src[(first + i) * width + x];
                    int w = k[kRow + i];
                    s0 += ((p >>> 16) & 0xFF) * w;
                    s1 += ((p >>> 8) & 0xFF) * w;
                    s2 += (p & 0xFF) * w;
                    s3 += (p >>> 24) * w;
                }
                out[yy * width + x] = pack(s3, s0, s1, s2);
            }
        }
        return out;
    }

    private static int pack(int a, int r, int g, int b) {
        return (clip8(a) << 24) | (clip8(r) << 16) | (clip8(g) << 8) | clip8(b);
    }

    private static int clip8(int sum) {
        int v = sum >> BicubicCoefficients.PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
