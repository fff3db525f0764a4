/**
 * Pictures and masks in memory, reading and writing them as files, and the pixel operations the
 * inpainting pipeline needs: Pillow-exact bicubic resizing, scikit-image-exact bilinear mask
 * resizing, and feathered compositing. Plain JDK only ({@code java.awt.image}, {@code javax.imageio}).
 *
 * <p>Conventions: {@link app.vernissage.core.image.PixelImage} holds 8-bit sRGB as packed
 * {@code 0xAARRGGBB}; {@link app.vernissage.core.image.Mask} holds one byte per pixel where 255
 * means "repaint".
 */
package app.vernissage.core.image;
