package app.vernissage.engine.outpaint;

import app.vernissage.core.canvas.CanvasExtension;
import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.CancelledException;
import app.vernissage.engine.runtime.EngineException;

/**
 * A queue of outpainting steps: each step extends the picture by the same outsets and generates
 * the new area (plus its overlap band) on one context window. Step k uses seed {@code seed + k - 1}.
 * Cancelling between or within steps stops the queue and keeps every finished step.
 */
public final class Panorama {
    private final WindowedInpainter inpainter;

    public Panorama(WindowedInpainter inpainter) {
        this.inpainter = inpainter;
    }

    /**
     * What a panorama does.
     *
     * @param perStep   pixels added per step on each side
     * @param steps     how many steps, 1 or more
     * @param overlap   blend band into the old picture, pixels
     * @param maxPixels the largest document accepted; the final size is checked before step 1
     */
    public record Plan(Outsets perStep, int steps, int overlap, long maxPixels) {
        public static final int MAX_STEPS = 1000;

        public Plan {
            if (steps < 1 || steps > MAX_STEPS) {
                throw new IllegalArgumentException("the number of steps must be between 1 and " + MAX_STEPS + ", got " + steps);
            }
            if (overlap < 0 || overlap > 4096) {
                throw new IllegalArgumentException("the overlap must be between 0 and 4096 pixels, got " + overlap);
            }
        }

        /** The outsets of all steps together. */
        public Outsets total() {
            return new Outsets(Math.multiplyExact(perStep.left(), steps), Math.multiplyExact(perStep.top(), steps),
                    Math.multiplyExact(perStep.right(), steps), Math.multiplyExact(perStep.bottom(), steps));
        }

        /** Refuses (IllegalArgumentException with a sentence) a plan that adds nothing or grows over the limit. */
        public void check(int width, int height) {
            if (perStep.isZero()) {
                CanvasExtension.checkSize(width, height, perStep, maxPixels);
            }
            long w = (long) width + (long) (perStep.left() + perStep.right()) * steps;
            long h = (long) height + (long) (perStep.top() + perStep.bottom()) * steps;
            if (w > Integer.MAX_VALUE / 2 || h > Integer.MAX_VALUE / 2 || w * h > maxPixels) {
                throw new IllegalArgumentException("after " + steps + " steps the picture would be " + w + "x" + h + " = "
                        + String.format(java.util.Locale.ROOT, "%.1f", w * h / 1e6) + " megapixels, over the limit of "
                        + String.format(java.util.Locale.ROOT, "%.1f", maxPixels / 1e6) + " megapixels");
            }
        }
    }

    /**
     * How a panorama ended.
     *
     * @param image     the last finished picture (the start picture when no step finished)
     * @param finished  steps finished
     * @param total     steps planned
     * @param cancelled whether it stopped early because it was cancelled
     */
    public record Outcome(PixelImage image, int finished, int total, boolean cancelled) {
    }

    /**
     * Runs the plan. Engine failures are thrown (the finished steps were already handed to
     * {@code steps}); cancellation is not thrown but reported in the outcome.
     */
    public Outcome run(PixelImage start, Plan plan, GenerateSettings settings, StepListener steps,
                       ProgressListener inner, CancellationToken token) throws EngineException {
        plan.check(start.width(), start.height());
        PixelImage current = start;
        for (int k = 1; k <= plan.steps(); k++) {
            if (token.isCancelled()) {
                return new Outcome(current, k - 1, plan.steps(), true);
            }
            CanvasExtension.Extended ext = CanvasExtension.extend(current, plan.perStep(), plan.overlap(), plan.maxPixels());
            GenerateSettings stepSettings = settings.withSeed(settings.seed() + k - 1);
            steps.onStepStarted(k, plan.steps(), WindowedInpainter.windowFor(ext.mask(), stepSettings));
            WindowedInpainter.Outcome done;
            try {
                // The extended picture is this step's own array: generate into it, no extra copy.
                done = inpainter.generateInPlace(ext.image(), ext.mask(), stepSettings, inner, token);
            } catch (CancelledException e) {
                return new Outcome(current, k - 1, plan.steps(), true);
            } catch (EngineException e) {
                if (token.isCancelled()) {
                    // A model call stopped by the cancel can fail in its own way: still a cancel.
                    return new Outcome(current, k - 1, plan.steps(), true);
                }
                throw e;
            }
            current = done.image();
            steps.onStepFinished(k, plan.steps(), current, done.run().timings());
        }
        return new Outcome(current, plan.steps(), plan.steps(), false);
    }
}
