package app.vernissage.core.image;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads one image file into a {@link PixelImage}, checking everything that can go wrong before
 * and while decoding, and turning each failure into a one-sentence {@link ImageReadException}.
 */
final class ImageDecoder {
    private ImageDecoder() {
    }

    /**
     * Decodes the first image in {@code file}.
     *
     * @param expectedWidth  the width the file must have, or -1 for any
     * @param expectedHeight the height the file must have, or -1 for any
     * @param expectedWhat   what the expected size belongs to, used in the message
     */
    static PixelImage decode(Path file, ImageLimits limits, int expectedWidth, int expectedHeight,
                             String expectedWhat) throws ImageReadException {
        String name = displayName(file);
        ImageFormat format = checkFileAndSniff(file, name, limits);
        if (format == ImageFormat.PNG && !reachesPngEnd(file, name)) {
            throw new ImageReadException(name + " is incomplete: the PNG data stops before its end, so the file"
                    + " was probably cut off while copying or downloading.");
        }
        ImageReader reader = readerFor(format, name);
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            reader.setInput(in, true, false);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw damaged(name, format, e);
            }
            checkSize(name, width, height, limits, expectedWidth, expectedHeight, expectedWhat);
            AtomicReference<String> fatalWarning = new AtomicReference<>();
            reader.addIIOReadWarningListener((source, warning) -> {
                if (isTruncationWarning(warning)) {
                    fatalWarning.compareAndSet(null, warning);
                }
            });
            BufferedImage image;
            try {
                image = reader.read(0);
            } catch (IOException | RuntimeException e) {
                throw damaged(name, format, e);
            }
            if (fatalWarning.get() != null) {
                throw new ImageReadException(name + " is incomplete or damaged (the " + label(format)
                        + " decoder reported: " + fatalWarning.get().strip() + ").");
            }
            if (image.getWidth() != width || image.getHeight() != height) {
                throw new ImageReadException(name + " is damaged: its header says " + width + " x " + height
                        + " pixels but " + image.getWidth() + " x " + image.getHeight() + " were decoded.");
            }
            return RasterToPixels.convert(image);
        } catch (IOException e) {
            throw new ImageReadException(name + " could not be read (" + describe(e) + ").", e);
        } finally {
            reader.dispose();
        }
    }

    static String displayName(Path file) {
        Path fileName = file.getFileName();
        return fileName == null ? file.toString() : fileName.toString();
    }

    private static ImageFormat checkFileAndSniff(Path file, String name, ImageLimits limits)
            throws ImageReadException {
        if (!Files.exists(file)) {
            throw new ImageReadException(name + " does not exist (looked for " + file.toAbsolutePath() + ").");
        }
        if (Files.isDirectory(file)) {
            throw new ImageReadException(name + " is a folder, not an image file.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ImageReadException(name + " is not a regular file, so Vernissage cannot read it as an image.");
        }
        long size;
        Optional<ImageFormat> format;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw new ImageReadException(name + " is empty (0 bytes), so it holds no image.");
            }
            if (size > limits.maxFileBytes()) {
                throw new ImageReadException(name + " is " + Sizes.bytes(size) + ", larger than the "
                        + Sizes.bytes(limits.maxFileBytes()) + " Vernissage accepts for an image file.");
            }
            format = ImageFormat.sniff(file);
        } catch (IOException e) {
            throw new ImageReadException(name + " could not be read (" + describe(e) + ").", e);
        }
        return format.orElseThrow(() -> new ImageReadException(
                name + " is not an image Vernissage can read (no PNG, JPEG, BMP, GIF, TIFF or WebP header)."));
    }

    private static boolean reachesPngEnd(Path file, String name) throws ImageReadException {
        try {
            return PngChunkWalk.reachesEnd(file);
        } catch (IOException e) {
            throw new ImageReadException(name + " could not be read (" + describe(e) + ").", e);
        }
    }

    private static ImageReader readerFor(ImageFormat format, String name) throws ImageReadException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new ImageReadException(name + " looks like a " + label(format)
                    + " file, but this Java runtime has no " + label(format) + " decoder.");
        }
        return readers.next();
    }

    private static void checkSize(String name, int width, int height, ImageLimits limits,
                                  int expectedWidth, int expectedHeight, String expectedWhat)
            throws ImageReadException {
        if (width < 1 || height < 1) {
            throw new ImageReadException(name + " declares an impossible size of " + width + " x " + height
                    + " pixels.");
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new ImageReadException(name + " is " + width + " x " + height + " pixels ("
                    + Sizes.count(pixels) + " pixels), more than the limit of " + Sizes.count(limits.maxPixels())
                    + " pixels.");
        }
        if (expectedWidth >= 0 && (width != expectedWidth || height != expectedHeight)) {
            throw new ImageReadException(name + " is " + width + " x " + height + " pixels but " + expectedWhat
                    + " is " + expectedWidth + " x " + expectedHeight + " pixels, and the sizes must match.");
        }
    }

    /**
     * Warnings that mean the decoder ran out of data and filled the rest of the picture with grey
     * (libjpeg's "Premature end of JPEG file", the JDK's "Truncated File - Missing EOI marker").
     * Other warnings, such as extraneous bytes between markers, leave a usable picture.
     */
    private static boolean isTruncationWarning(String warning) {
        String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        return text.contains("premature") || text.contains("truncat");
    }

    private static ImageReadException damaged(String name, ImageFormat format, Exception cause) {
        return new ImageReadException(name + " is damaged or incomplete and could not be decoded as "
                + label(format) + " (" + describe(cause) + ").", cause);
    }

    private static String label(ImageFormat format) {
        return format.name();
    }

    private static String describe(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return "the data ends too early";
            }
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\.+$", "");
    }
}
