package app.vernissage.core.project;

/** A project file that cannot be opened; the message is one sentence for people, naming the file. */
public final class ProjectReadException extends Exception {
    public ProjectReadException(String message) {
        super(message);
    }

    public ProjectReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
