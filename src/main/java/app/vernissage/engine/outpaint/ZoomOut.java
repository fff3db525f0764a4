package app.vernissage.engine.outpaint;

import app.vernissage.core.canvas.CanvasExtension;
import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.image.PillowResize;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.CancelledException;
import app.vernissage.engine.runtime.EngineException;

import java.util.ArrayList;
import java.util.List;

/**
 * Zoom-out keyframes: each step shrinks the current picture by the zoom factor into the centre of
 * a frame of the same size, and outpaints the ring around it (plus an overlap band). Keyframe 0 is
 * the start picture; step k (1-based) uses seed {@code seed + k - 1} and prompt
 * {@code prompts[min(k - 1, last)]} (a prompt schedule: the last prompt repeats).
 */
public final class ZoomOut {
    private final WindowedInpainter inpainter;

    public ZoomOut(WindowedInpainter inpainter) {
        this.inpainter = inpainter;
    }

    /**
     * @param steps   keyframes to generate, 1 or more
     * @param zoom    zoom-out factor per step, 1.05 to 8
     * @param overlap blend band into the shrunk picture, pixels
     * @param prompts the prompt of each step; the last one repeats; at least one
     */
    public record Plan(int steps, double zoom, int overlap, List<String> prompts) {
        public static final int MAX_STEPS = 500;

        public Plan {
            if (steps < 1 || steps > MAX_STEPS) {
                throw new IllegalArgumentException("the number of zoom steps must be between 1 and " + MAX_STEPS + ", got " + steps);
            }
            if (!(zoom >= 1.05 && zoom <= 8)) {
                throw new IllegalArgumentException("the zoom per step must be between 1.05 and 8, got " + zoom);
            }
            if (overlap < 0 || overlap > 4096) {
                throw new IllegalArgumentException("the overlap must be between 0 and 4096 pixels, got " + overlap);
            }
            if (prompts == null || prompts.isEmpty()) {
                throw new IllegalArgumentException("a zoom-out needs at least one prompt");
            }
            prompts = List.copyOf(prompts);
        }

        public String promptFor(int step) {
            return prompts.get(Math.min(step - 1, prompts.size() - 1));
        }
    }

    /**
     * @param keyframes keyframe 0 (the start) and every finished step
     * @param cancelled whether it stopped early
     */
    public record Outcome(List<PixelImage> keyframes, boolean cancelled) {
    }

    /** The frame for one step: the picture shrunk into the centre, with its outsets. */
    public static CanvasExtension.Extended shrinkIntoFrame(PixelImage current, double zoom, int overlap) {
        int w = current.width();
        int h = current.height();
        int iw = Math.max(1, (int) Math.round(w / zoom));
        int ih = Math.max(1, (int) Math.round(h / zoom));
        if (iw == w && ih == h) {
            throw new IllegalArgumentException("a " + w + "x" + h + " picture is too small to zoom out by " + zoom);
        }
        PixelImage shrunk = PillowResize.bicubic(current, iw, ih);
        int left = (w - iw) / 2;
        int top = (h - ih) / 2;
        Outsets outsets = new Outsets(left, top, w - iw - left, h - ih - top);
        return CanvasExtension.extend(shrunk, outsets, overlap, Long.MAX_VALUE);
    }

    public Outcome run(PixelImage start, Plan plan, GenerateSettings settings, StepListener steps,
                       ProgressListener inner, CancellationToken token) throws EngineException {
        List<PixelImage> keyframes = new ArrayList<>();
        keyframes.add(start);
        PixelImage current = start;
        for (int k = 1; k <= plan.steps(); k++) {
            if (token.isCancelled()) {
                return new Outcome(keyframes, true);
            }
            CanvasExtension.Extended frame = shrinkIntoFrame(current, plan.zoom(), plan.overlap());
            GenerateSettings stepSettings = settings.withSeed(settings.seed() + k - 1).withPrompt(plan.promptFor(k));
            ContextWindow window = WindowedInpainter.windowFor(frame.mask(), stepSettings);
            steps.onStepStarted(k, plan.steps(), window);
            steps.onFrame(k, plan.steps(), frame.image(), frame.mask(), window);
            try {
                WindowedInpainter.Outcome done = inpainter.generateInPlace(frame.image(), frame.mask(), stepSettings, inner, token);
                current = done.image();
                keyframes.add(current);
                steps.onStepFinished(k, plan.steps(), current, done.run().timings());
            } catch (CancelledException e) {
                return new Outcome(keyframes, true);
            } catch (EngineException e) {
                if (token.isCancelled()) {
                    // A model call stopped by the cancel can fail in its own way: still a cancel.
                    return new Outcome(keyframes, true);
                }
                throw e;
            }
        }
        return new Outcome(keyframes, false);
    }
}
