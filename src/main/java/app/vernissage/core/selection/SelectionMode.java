package app.vernissage.core.selection;

/** What a shape does to the mask: add it (set to 255) or subtract it (set to 0). */
public enum SelectionMode {
    ADD,
    SUBTRACT
}
