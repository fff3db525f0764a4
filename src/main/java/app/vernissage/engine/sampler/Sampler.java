package app.vernissage.engine.sampler;

/**
 * A denoising schedule and its update rule. Implementations are immutable; the latent and all
 * arithmetic are float32 as in the reference pipeline.
 */
public interface Sampler {
    /** Number of U-Net evaluations. */
    int steps();

    /** The timestep given to the U-Net at step {@code index} (0 = first, noisiest). */
    int modelTimestep(int index);

    /**
     * The noise level of the latent that enters step {@code index}: {@code x = sqrt(a) x0 + sqrt(1 - a) z}
     * with {@code a} this value. Used to start part-way (strength below 1).
     */
    float alphaCumprodAt(int index);

    /** Whether step {@code index} adds fresh noise (then {@link #step} needs {@code z}). */
    boolean addsNoise(int index);

    /**
     * Computes step {@code index} from the current latent {@code x} and the guided noise prediction.
     * {@code z} holds fresh standard-normal noise of the latent's size where {@link #addsNoise} says
     * so, and is ignored (may be null) otherwise. Inputs are not modified.
     */
    DenoiseStep step(int index, float[] x, float[] guidedEps, float[] z);

}
