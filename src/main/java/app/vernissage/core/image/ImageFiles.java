package app.vernissage.core.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and writes pictures and masks (PNG, JPEG, BMP, GIF, TIFF, WebP in; PNG, JPEG, BMP out).
 *
 * <p>Reading never trusts the file: size, format, header dimensions and decoding problems are all
 * checked, and each failure becomes an {@link ImageReadException} whose message is one sentence
 * naming the file. Writing goes to a temporary file in the same folder that is then moved over the
 * target.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /**
     * Reads the picture in {@code file} (for GIF, its first frame).
     *
     * <p>Gray and 16-bit files are converted from their raw samples (16-bit values become
     * {@code (v * 255 + 32767) / 65535}); {@link PixelImage#hasAlpha()} is true only when the file
     * has an alpha channel or transparency. A JPEG whose EXIF orientation tag says it is stored
     * rotated or mirrored is turned upright ({@link ExifOrientation}).
     *
     * @param file   the file to read; its format is recognised from its first bytes, not its name
     * @param limits the largest file size and pixel count accepted
     * @return the decoded picture
     * @throws ImageReadException when the file is missing, a folder, empty, too large on disk or in
     *                            pixels, not a PNG/JPEG/BMP/GIF, or truncated or damaged
     */
    public static PixelImage read(Path file, ImageLimits limits) throws ImageReadException {
        PixelImage image = ImageDecoder.decode(file, limits, -1, -1, null);
        // A JPEG's EXIF orientation (e.g. a phone held upright) is honoured: the picture comes upright.
        int orientation;
        try {
            orientation = ExifOrientation.read(file);
        } catch (java.io.IOException e) {
            orientation = 1;
        }
        return ExifOrientation.apply(image, orientation);
    }

    /**
     * Reads a mask that must be exactly {@code expectedWidth x expectedHeight} (it is never resized).
     *
     * <p>If the file has alpha and some pixel is not fully opaque, the mask is the alpha channel;
     * otherwise it is the luminance {@code round(0.299 R + 0.587 G + 0.114 B)}, so white means repaint.
     *
     * @param file           the mask file (any format {@link #read} takes)
     * @param expectedWidth  the width of the picture the mask belongs to
     * @param expectedHeight the height of the picture the mask belongs to
     * @param limits         the largest file size and pixel count accepted
     * @return the mask, 255 = repaint
     * @throws ImageReadException for every reason {@link #read} gives, and when the size differs
     */
    public static Mask readMask(Path file, int expectedWidth, int expectedHeight, ImageLimits limits)
            throws ImageReadException {
        if (expectedWidth < 1 || expectedHeight < 1) {
            throw new IllegalArgumentException("Expected mask size must be at least 1 x 1, got "
                    + expectedWidth + " x " + expectedHeight + ".");
        }
        PixelImage image = ImageDecoder.decode(file, limits, expectedWidth, expectedHeight, "the picture");
        return MaskFromPixels.convert(image);
    }

    /**
     * Writes {@code image} in the format named by the file extension: {@code .png} (keeps alpha when
     * the image has it), {@code .jpg}/{@code .jpeg} (at {@code jpegQuality} 0..1, alpha dropped) or
     * {@code .bmp} (alpha dropped). An existing file is replaced.
     *
     * @param image       the picture to save
     * @param file        the target; its extension picks the format
     * @param jpegQuality JPEG quality from 0 (smallest) to 1 (best); ignored for PNG and BMP
     * @throws IOException              when the extension is not one of those or writing fails
     * @throws IllegalArgumentException when writing JPEG with a quality outside 0..1
     */
    public static void write(PixelImage image, Path file, float jpegQuality) throws IOException {
        ImageEncoder.write(image, file, jpegQuality);
    }

    /**
     * Writes {@code mask} as an 8-bit grayscale PNG, replacing an existing file.
     *
     * @param mask the mask, 255 = repaint
     * @param file the target file (written as PNG whatever its extension)
     * @throws IOException when writing fails
     */
    public static void writeMask(Mask mask, Path file) throws IOException {
        ImageEncoder.writeMask(mask, file);
    }

    /**
     * Like {@link #write(PixelImage, Path, float)}, and for PNG also stores {@code text} as text
     * chunks (UTF-8): how the picture was made travels with it. Other formats ignore it.
     *
     * @param text keyword to value, e.g. "Description" to the prompt
     */
    public static void write(PixelImage image, Path file, float jpegQuality, java.util.Map<String, String> text)
            throws IOException {
        ImageEncoder.write(image, file, jpegQuality, text);
    }

    /** The text chunks of a PNG (tEXt, zTXt and iTXt), keyword to value; empty for other formats. */
    public static java.util.Map<String, String> readText(Path file) throws IOException {
        return PngTextReader.read(file);
    }
}
