package app.vernissage.engine.outpaint;

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
     * Step {@code step} of {@code total} is finished: {@code picture} is the whole result so far
     * (kept whatever happens later, e.g. written as a partial result).
     */
    default void onStepFinished(int step, int total, PixelImage picture, Timings timings) {
    }
}
