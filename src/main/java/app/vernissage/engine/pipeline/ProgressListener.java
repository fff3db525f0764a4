package app.vernissage.engine.pipeline;

/** Receives a run's progress on the thread that runs it; keep the work done here small. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    /** A stage begins: "encoding prompt", "encoding image", "denoising", "decoding", "compositing". */
    default void onStage(String stage) {
    }

    default void onStep(StepProgress progress) {
    }
}
