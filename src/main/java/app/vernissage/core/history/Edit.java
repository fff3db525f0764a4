package app.vernissage.core.history;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;

/** One undoable change of a document, already applied when it enters the history. */
public interface Edit {
    /** A short name for people, e.g. "Brush stroke". */
    String name();

    /** The pixels it touches. */
    PixelRect area();

    /** Whether it changes the picture (true) or only the mask (false). */
    boolean changesImage();

    void undo(Document document);

    void redo(Document document);

    /** Bytes it keeps alive, for the history's memory bound. */
    long byteSize();
}
