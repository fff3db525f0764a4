package app.vernissage.engine.sampler;

import java.util.ArrayList;
import java.util.List;

/**
 * The current reference sampler (Kandinsky 3.1 weights): 1000-step cosine schedule, strided
 * timesteps {@code 999, 999 - ceil(1000/steps), ...} (values above 0) followed by 0, and per pair
 * {@code (t, p)} a DDIM-style update with {@code eta} noise and dynamic thresholding of x0.
 */
public final class ReferenceSampler implements Sampler {
    private final CosineSchedule schedule;
    private final int[] timesteps;
    private final float eta;
    private final float percentile;

    public ReferenceSampler(int steps, float eta) {
        this(steps, eta, DynamicThreshold.REFERENCE_PERCENTILE);
    }

    public ReferenceSampler(int steps, float eta, float percentile) {
        if (steps < 1 || steps > CosineSchedule.TRAINING_STEPS) {
            throw new IllegalArgumentException("steps must be between 1 and 1000, got " + steps);
        }
        if (!(eta >= 0f && eta <= 1f)) {
            throw new IllegalArgumentException("eta must be between 0 and 1, got " + eta);
        }
        this.schedule = CosineSchedule.of(CosineSchedule.TRAINING_STEPS);
        this.timesteps = timesteps(steps);
        this.eta = eta;
        this.percentile = percentile;
    }

    /** The reference's timesteps plus the final 0: {@code range(999, 0, -ceil(1000 / steps)) + [0]}. */
    public static int[] timesteps(int steps) {
        int stride = (CosineSchedule.TRAINING_STEPS + steps - 1) / steps;
        List<Integer> values = new ArrayList<>();
        for (int t = CosineSchedule.TRAINING_STEPS - 1; t > 0; t -= stride) {
            values.add(t);
        }
        values.add(0);
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int steps() {
        return timesteps.length - 1;
    }

    @Override
    public int modelTimestep(int index) {
        return timesteps[index];
    }

    @Override
    public float alphaCumprodAt(int index) {
        return schedule.alphaCumprod(timesteps[index]);
    }

    @Override
    public boolean addsNoise(int index) {
        return timesteps[index + 1] != 0;
    }

    @Override
    public DenoiseStep step(int index, float[] x, float[] guidedEps, float[] z) {
        int t = timesteps[index];
        int p = timesteps[index + 1];
        float acT = schedule.alphaCumprod(t);
        float acP = schedule.alphaCumprod(p);
        float sqrtAcT = (float) Math.sqrt(acT);
        float sqrtOneMinusAcT = (float) Math.sqrt(1f - acT);

        float[] x0 = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x0[i] = (x[i] - sqrtOneMinusAcT * guidedEps[i]) / sqrtAcT;
        }
        DynamicThreshold.apply(x0, percentile);

        float sigma = (float) Math.sqrt(eta * (1f - acT / acP) * (1f - acP) / (1f - acT));
        float sqrtAcP = (float) Math.sqrt(acP);
        // With eta = 1 and p = 0, 1 - ac[p] - sigma^2 is a difference of nearly equal numbers and
        // can round below zero in float32 (e.g. one step, 999 -> 0), where the reference yields NaN.
        // Ours: clamp at zero, which is the exact value up to rounding.
        float epsScale = (float) Math.sqrt(Math.max(0f, 1f - acP - sigma * sigma));
        boolean addNoise = p != 0;
        float[] next = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float eps = (x[i] - sqrtAcT * x0[i]) / sqrtOneMinusAcT;
            float mean = sqrtAcP * x0[i] + epsScale * eps;
            next[i] = addNoise ? mean + sigma * z[i] : mean;
        }
        return new DenoiseStep(next, x0);
    }
}
