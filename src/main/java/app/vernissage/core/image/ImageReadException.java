package app.vernissage.core.image;

import java.io.Serial;

/**
 * An image or mask file could not be read. The message is one sentence meant for a person and
 * names the file, for example {@code "photo.png is empty (0 bytes)."}.
 */
public final class ImageReadException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-sentence message naming the file. */
    public ImageReadException(String message) {
        super(message);
    }

    /** Creates the exception with a one-sentence message naming the file, and its cause. */
    public ImageReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
