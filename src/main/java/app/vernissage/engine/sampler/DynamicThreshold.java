package app.vernissage.engine.sampler;

/**
 * The reference's dynamic thresholding of the predicted x0: {@code s = max(1, quantile(|x0|, p))},
 * then {@code x0 = clamp(x0, -s, s) / s}. Batch size is one, so the quantile runs over all values.
 */
public final class DynamicThreshold {
    /** The reference's percentile. */
    public static final float REFERENCE_PERCENTILE = 0.95f;

    private DynamicThreshold() {
    }

    /** Thresholds {@code x0} in place and returns the scale {@code s} that was used. */
    public static float apply(float[] x0, float percentile) {
        float[] magnitudes = new float[x0.length];
        for (int i = 0; i < x0.length; i++) {
            magnitudes[i] = Math.abs(x0[i]);
        }
        float s = Math.max(1f, quantile(magnitudes, percentile));
        for (int i = 0; i < x0.length; i++) {
            x0[i] = Math.min(Math.max(x0[i], -s), s) / s;
        }
        return s;
    }

    /**
     * The quantile with linear interpolation between the two nearest ranks, in float32 as
     * {@code torch.quantile} computes it (its lerp switches formula at weight 0.5 and fuses the multiply-add). Reorders {@code values}.
     */
    static float quantile(float[] values, float q) {
        float rank = q * (values.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, values.length - 1);
        float start = select(values, below);
        // After selecting rank `below`, everything to its right is >= it: the next order statistic
        // is the smallest of them.
        float end = start;
        if (above != below) {
            end = Float.POSITIVE_INFINITY;
            for (int i = below + 1; i < values.length; i++) {
                end = Math.min(end, values[i]);
            }
        }
        float weight = rank - below;
        float span = end - start;
        return weight < 0.5f ? Math.fma(weight, span, start) : Math.fma(-span, 1f - weight, end);
    }

    /**
     * The k-th smallest value (0-based), found in linear expected time by partitioning in place
     * (sorting 65k values every step would cost more than the rest of the step).
     */
    static float select(float[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            float pivot = median(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static float median(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
