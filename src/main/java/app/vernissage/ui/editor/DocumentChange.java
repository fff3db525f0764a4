package app.vernissage.ui.editor;

import app.vernissage.core.document.PixelRect;

/**
 * Pixels of the open document changed (or a new document was opened, {@code replaced}).
 *
 * @param area     the changed rectangle in image pixels
 * @param image    the picture changed (false: only the mask)
 * @param replaced a different document is open now
 */
public record DocumentChange(PixelRect area, boolean image, boolean replaced) {
}
