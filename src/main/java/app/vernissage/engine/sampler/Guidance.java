package app.vernissage.engine.sampler;

/** Classifier-free guidance in the reference's convention: {@code (w + 1) * cond - w * uncond}. */
public final class Guidance {
    private Guidance() {
    }

    /** Combines the two noise predictions into a new array. {@code w = 4} is 5 in the usual convention. */
    public static float[] combine(float[] cond, float[] uncond, float weight) {
        if (cond.length != uncond.length) {
            throw new IllegalArgumentException("noise predictions differ in size: " + cond.length + " vs " + uncond.length);
        }
        float[] out = new float[cond.length];
        float a = weight + 1f;
        for (int i = 0; i < out.length; i++) {
            out[i] = a * cond[i] - weight * uncond[i];
        }
        return out;
    }

    /**
     * The same for a batch-2 prediction laid out [cond; uncond] in one array, written into
     * {@code out} (length {@code half}) without copying the halves; returns {@code out}.
     */
    public static float[] combineHalves(float[] batch, int half, float weight, float[] out) {
        if (batch.length != 2 * half || out.length != half) {
            throw new IllegalArgumentException("expected a batch of two halves of " + half + " values");
        }
        float a = weight + 1f;
        for (int i = 0; i < half; i++) {
            out[i] = a * batch[i] - weight * batch[half + i];
        }
        return out;
    }
}
