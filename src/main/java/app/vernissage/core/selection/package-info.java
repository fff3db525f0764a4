/**
 * Selection tools that write into a document's mask: rectangle and lasso shapes, grow, shrink and
 * feather. Every operation is applied at once and returns one {@code MaskRegionEdit} covering only
 * the rectangle whose values changed (null when nothing changed).
 */
package app.vernissage.core.selection;
