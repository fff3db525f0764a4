package app.vernissage.ui.editor;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A stand-in for the UI thread: tasks queue up and the test thread runs them, like Platform.runLater. */
final class UiQueue implements Consumer<Runnable> {
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void accept(Runnable task) {
        tasks.add(task);
    }

    /** Runs queued tasks on this thread until {@code done} holds; fails after {@code timeout}. */
    void runUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout);
            }
            Runnable task = tasks.poll(50, TimeUnit.MILLISECONDS);
            if (task != null) {
                task.run();
            }
        }
    }
}
