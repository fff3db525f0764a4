package app.vernissage.engine.pipeline;

import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.modelset.LatentPreviewMap;

import java.time.Duration;

/**
 * One finished denoising step.
 *
 * @param step     1-based step number
 * @param total    number of steps
 * @param elapsed  time since denoising started
 * @param x0       the sampler's clean-latent estimate after this step, [4, h, w] planar (do not modify)
 * @param workingSize the size the model works at (the latent is 1/8 of it)
 */
public record StepProgress(int step, int total, Duration elapsed, float[] x0, WorkingSize workingSize,
                           LatentPreviewMap previewMap) {

    /** A cheap preview at latent resolution (1/8 of the working size) through the linear map. */
    public PixelImage preview() {
        return previewMap.render(x0, workingSize.latentHeight(), workingSize.latentWidth());
    }

    /** Estimated time left, from the mean step time so far. */
    public Duration remaining() {
        return elapsed.multipliedBy(total - step).dividedBy(Math.max(1, step));
    }
}
