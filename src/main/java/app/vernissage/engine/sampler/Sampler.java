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
     * Computes step {@code index} from the current latent {@code x} and the guided noise prediction.
     * Draws fresh noise from {@code noise} only where the update adds noise.
     */
    DenoiseStep step(int index, float[] x, float[] guidedEps, GaussianNoise noise);

}
