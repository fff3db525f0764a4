package app.vernissage.engine.sampler;

/**
 * The first release's sampler (Kandinsky 3.0 weights): the cosine schedule rebuilt with
 * {@code T = steps}, the U-Net given {@code t * (1000 / T)} for {@code t = T-1 .. 0}, and the DDPM
 * posterior {@code mean = c1[t] * x0 + c2[t] * x_t} with standard deviation
 * {@code exp(0.5 * logvar[t])}, no noise at {@code t = 0}. Guidance and thresholding as the
 * current sampler. Coefficients are float32 tensor arithmetic, as in the reference.
 */
public final class DdpmSampler implements Sampler {
    private final int steps;
    private final int timeScale;
    private final float percentile;
    private final float[] sqrtAc;
    private final float[] sqrtOneMinusAc;
    private final float[] c1;
    private final float[] c2;
    private final float[] std;

    public DdpmSampler(int steps) {
        this(steps, DynamicThreshold.REFERENCE_PERCENTILE);
    }

    public DdpmSampler(int steps, float percentile) {
        if (steps < 2 || steps > CosineSchedule.TRAINING_STEPS) {
            throw new IllegalArgumentException("steps must be between 2 and 1000 for the DDPM sampler, got " + steps);
        }
        this.steps = steps;
        this.timeScale = CosineSchedule.TRAINING_STEPS / steps;
        this.percentile = percentile;
        CosineSchedule schedule = CosineSchedule.of(steps);
        sqrtAc = new float[steps];
        sqrtOneMinusAc = new float[steps];
        c1 = new float[steps];
        c2 = new float[steps];
        float[] posteriorVariance = new float[steps];
        for (int t = 0; t < steps; t++) {
            float beta = schedule.beta(t);
            float alpha = 1f - beta;
            float ac = schedule.alphaCumprod(t);
            float acPrev = t == 0 ? 1f : schedule.alphaCumprod(t - 1);
            sqrtAc[t] = (float) Math.sqrt(ac);
            sqrtOneMinusAc[t] = (float) Math.sqrt(1f - ac);
            c1[t] = (float) Math.sqrt(acPrev) * beta / (1f - ac);
            c2[t] = (float) Math.sqrt(alpha) * (1f - acPrev) / (1f - ac);
            posteriorVariance[t] = beta * (1f - acPrev) / (1f - ac);
        }
        std = new float[steps];
        for (int t = 0; t < steps; t++) {
            float variance = posteriorVariance[t == 0 ? 1 : t];
            float logVariance = (float) Math.log(variance);
            std[t] = (float) Math.exp(0.5f * logVariance);
        }
    }

    @Override
    public int steps() {
        return steps;
    }

    /** The schedule index used at step {@code index}: {@code T-1, ..., 0}. */
    int scheduleIndex(int index) {
        return steps - 1 - index;
    }

    @Override
    public int modelTimestep(int index) {
        return scheduleIndex(index) * timeScale;
    }

    @Override
    public float alphaCumprodAt(int index) {
        float root = sqrtAc[scheduleIndex(index)];
        return root * root;
    }

    @Override
    public boolean addsNoise(int index) {
        return scheduleIndex(index) != 0;
    }

    @Override
    public DenoiseStep step(int index, float[] x, float[] guidedEps, float[] z) {
        int t = scheduleIndex(index);
        float[] x0 = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x0[i] = (x[i] - sqrtOneMinusAc[t] * guidedEps[i]) / sqrtAc[t];
        }
        DynamicThreshold.apply(x0, percentile);
        float[] next = new float[x.length];
        boolean addNoise = t != 0;
        for (int i = 0; i < x.length; i++) {
            float mean = c1[t] * x0[i] + c2[t] * x[i];
            next[i] = addNoise ? mean + std[t] * z[i] : mean;
        }
        return new DenoiseStep(next, x0);
    }

    /** The standard deviation added at schedule index {@code t} (for tests). */
    float std(int t) {
        return std[t];
    }
}
