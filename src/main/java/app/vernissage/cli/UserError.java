package app.vernissage.cli;

/** A failure the user can act on: printed as one line, exit code 1, no stack trace. */
final class UserError extends Exception {
    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
