package app.vernissage.ui.editor;

import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.pipeline.StepProgress;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands a run's steps from the engine thread to the UI thread without queueing them up: only the
 * newest step is kept, and at most one hand-over is pending at a time, so when the UI is slower
 * than the engine intermediate steps are dropped.
 */
final class CoalescedPreviews implements ProgressListener {
    private final AtomicReference<StepProgress> newest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Consumer<Runnable> uiThread;
    private final Consumer<StepProgress> onUiThread;
    private final Consumer<String> stageOnUiThread;

    CoalescedPreviews(Consumer<Runnable> uiThread, Consumer<StepProgress> onUiThread, Consumer<String> stageOnUiThread) {
        this.uiThread = uiThread;
        this.onUiThread = onUiThread;
        this.stageOnUiThread = stageOnUiThread;
    }

    @Override
    public void onStage(String stage) {
        uiThread.accept(() -> stageOnUiThread.accept(stage));
    }

    @Override
    public void onStep(StepProgress progress) {
        newest.set(progress);
        if (pending.compareAndSet(false, true)) {
            uiThread.accept(this::deliver);
        }
    }

    private void deliver() {
        pending.set(false);
        StepProgress step = newest.getAndSet(null);
        if (step != null) {
            onUiThread.accept(step);
        }
    }
}
