package app.vernissage.engine.outpaint;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.engine.pipeline.Timings;

/** Hears about the steps of a queued job (panorama or zoom-out), on the thread that runs it. */
public interface StepListener {
    StepListener NONE = new StepListener() {
    };

    /** Step {@code step} of {@code total} (1-based) starts; the model will work on {@code window}. */
    default void onStepStarted(int step, int total, ContextWindow window) {
    }

    /**
     * Step {@code step}'s picture before the model works on it: {@code frame} with the area to
     * generate in {@code mask}, and the {@code window} the model sees. The sampler's previews of that
     * step (the window at working size) can be blended into it to show the step as it runs.
     */
    default void onFrame(int step, int total, PixelImage frame, Mask mask, ContextWindow window) {
    }

    /**
     * Step {@code step} of {@code total} is finished: {@code picture} is the whole result so far
     * (kept whatever happens later, e.g. written as a partial result).
     */
    default void onStepFinished(int step, int total, PixelImage picture, Timings timings) {
    }
}
