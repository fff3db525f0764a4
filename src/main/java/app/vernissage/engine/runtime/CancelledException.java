package app.vernissage.engine.runtime;

/** Thrown when a run stops because it was cancelled; nothing of the run is kept. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled");
    }
}
