package app.vernissage.engine.sampler;

import java.util.Arrays;

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
     * {@code torch.quantile} computes it (its lerp switches formula at weight 0.5 and fuses the multiply-add). Sorts {@code values}.
     */
    static float quantile(float[] values, float q) {
        Arrays.sort(values);
        float rank = q * (values.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, values.length - 1);
        float weight = rank - below;
        float start = values[below];
        float end = values[above];
        float span = end - start;
        return weight < 0.5f ? Math.fma(weight, span, start) : Math.fma(-span, 1f - weight, end);
    }
}
