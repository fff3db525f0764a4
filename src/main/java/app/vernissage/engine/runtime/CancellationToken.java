package app.vernissage.engine.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cancels a run at any moment. Between steps the pipeline checks {@link #throwIfCancelled()}; inside
 * a long model call ONNX Runtime's run-options terminate flag stops the call itself.
 */
public final class CancellationToken {
    private volatile boolean cancelled;
    private final Set<OrtSession.RunOptions> active = ConcurrentHashMap.newKeySet();

    public void cancel() {
        cancelled = true;
        for (OrtSession.RunOptions options : active) {
            terminate(options);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** Registers the options of a call about to start; terminates it at once if already cancelled. */
    void attach(OrtSession.RunOptions options) {
        active.add(options);
        if (cancelled) {
            terminate(options);
        }
    }

    void detach(OrtSession.RunOptions options) {
        active.remove(options);
    }

    private static void terminate(OrtSession.RunOptions options) {
        try {
            options.setTerminate(true);
        } catch (OrtException | IllegalStateException ignored) {
            // The call already finished and its options were closed.
        }
    }
}
