package app.vernissage.core.image;

import app.vernissage.core.io.AtomicFiles;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Encodes pictures and masks with ImageIO, writing to a temporary file beside the target and
 * moving it into place so that a reader never sees a half-written file.
 */
final class ImageEncoder {
    private ImageEncoder() {
    }

    static void write(PixelImage image, Path file, float jpegQuality) throws IOException {
        write(image, file, jpegQuality, Map.of());
    }

    static void writeMask(Mask mask, Path file) throws IOException {
        BufferedImage gray = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        System.arraycopy(mask.values(), 0, data, 0, data.length);
        writeAtomically(gray, ImageFormat.PNG, file, 1f);
    }

    private static BufferedImage toIntImage(PixelImage image, boolean alpha) {
        BufferedImage out = new BufferedImage(image.width(), image.height(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(image.argb(), 0, data, 0, data.length);
        return out;
    }

    private static BufferedImage toThreeByteBgr(PixelImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] argb = image.argb();
        for (int i = 0, j = 0; i < argb.length; i++, j += 3) {
            int p = argb[i];
            data[j] = (byte) p;
            data[j + 1] = (byte) (p >>> 8);
            data[j + 2] = (byte) (p >>> 16);
        }
        return out;
    }

    private static void writeAtomically(BufferedImage image, ImageFormat format, Path file, float jpegQuality)
            throws IOException {
        writeAtomically(image, format, file, jpegQuality, Map.of());
    }

    /**
     * Encodes into a new file beside the target and renames it over the target ({@link AtomicFiles}),
     * so an interrupted export never leaves half a picture; the file gets the user's default
     * permissions.
     */
    private static void writeAtomically(BufferedImage image, ImageFormat format, Path file, float jpegQuality,
                                        Map<String, String> text) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("Cannot write " + ImageDecoder.displayName(file) + ": the folder " + folder
                    + " does not exist.");
        }
        AtomicFiles.write(target, out -> encode(image, format, out, jpegQuality, text));
    }

    private static void encode(BufferedImage image, ImageFormat format, OutputStream target, float jpegQuality,
                               Map<String, String> text) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        if (!writers.hasNext()) {
            throw new IOException("This Java runtime has no " + format.name() + " encoder.");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(target)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(jpegQuality);
            }
            IIOMetadata metadata = null;
            if (format == ImageFormat.PNG && !text.isEmpty()) {
                metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
                metadata.mergeTree(PNG_METADATA, PngText.tree(text));
            }
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    static void write(PixelImage image, Path file, float jpegQuality, Map<String, String> text) throws IOException {
        String name = ImageDecoder.displayName(file);
        ImageFormat format = ImageFormat.forWritingByExtension(name).orElseThrow(() -> new IOException(
                "Cannot write " + name + ": Vernissage saves pictures as .png, .jpg, .jpeg or .bmp only."));
        if (format == ImageFormat.JPEG && !(jpegQuality >= 0f && jpegQuality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be between 0 and 1, got " + jpegQuality + ".");
        }
        BufferedImage buffered = format == ImageFormat.PNG ? toIntImage(image, image.hasAlpha()) : toThreeByteBgr(image);
        writeAtomically(buffered, format, file, jpegQuality, text);
    }

    static final String PNG_METADATA = "javax_imageio_png_1.0";
}
