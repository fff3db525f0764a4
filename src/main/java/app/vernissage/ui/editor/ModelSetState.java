package app.vernissage.ui.editor;

/** Whether generation can run. */
public enum ModelSetState {
    /** Being checked or written. */
    CHECKING,
    /** Opened and valid. */
    READY,
    /** Nothing usable at the location; the demo set can be installed there. */
    MISSING
}
