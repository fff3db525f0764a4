package app.vernissage.engine.runtime;

/** A run that failed for a reason people can act on; the message is one sentence naming what failed. */
public class EngineException extends Exception {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
