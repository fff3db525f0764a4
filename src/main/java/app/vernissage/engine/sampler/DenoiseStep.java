package app.vernissage.engine.sampler;

/** One sampler step's outcome: the next latent and the clean-image estimate x0 (the preview source). */
public record DenoiseStep(float[] next, float[] x0) {
}
