package app.vernissage.engine.pipeline;

import app.vernissage.core.image.PixelImage;

/**
 * The outcome of a run.
 *
 * @param image       the composited picture at the input's full size
 * @param decoded     the decoder's output at the working size (what the reference returns)
 * @param latent      the final latent [1, 4, h, w] planar
 * @param workingSize the size the model worked at
 * @param seed        the seed used
 * @param device      where it ran, e.g. "CPU" or "CUDA:0"
 */
public record InpaintResult(PixelImage image, PixelImage decoded, float[] latent, WorkingSize workingSize, long seed,
                            String device, Timings timings) {
}
