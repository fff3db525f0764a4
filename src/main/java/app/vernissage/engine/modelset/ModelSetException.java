package app.vernissage.engine.modelset;

/** A model set that cannot be used; the message is one sentence for people, naming the file. */
public final class ModelSetException extends Exception {
    private final transient ValidationReport report;

    public ModelSetException(String message, ValidationReport report) {
        super(message);
        this.report = report;
    }

    /** The full report, or null when the folder itself was unusable. */
    public ValidationReport report() {
        return report;
    }
}
