package app.vernissage.ui.editor;

/** What a left drag on the canvas does. */
public enum CanvasTool {
    /** Paints (or with the right button / eraser, erases) the mask with the round brush. */
    BRUSH,
    /** Drags a rectangle that becomes mask on release. */
    RECTANGLE,
    /** Draws a free-hand outline that becomes mask on release. */
    LASSO
}
