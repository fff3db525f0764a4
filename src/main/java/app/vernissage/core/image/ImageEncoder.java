package app.vernissage.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Encodes pictures and masks with ImageIO, writing to a temporary file beside the target and
 * moving it into place so that a reader never sees a half-written file.
 */
final class ImageEncoder {
    private ImageEncoder() {
    }

    static void write(PixelImage image, Path file, float jpegQuality) throws IOException {
        String name = ImageDecoder.displayName(file);
        ImageFormat format = ImageFormat.forWritingByExtension(name).orElseThrow(() -> new IOException(
                "Cannot write " + name + ": Vernissage saves pictures as .png, .jpg, .jpeg or .bmp only."));
        if (format == ImageFormat.JPEG && !(jpegQuality >= 0f && jpegQuality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be between 0 and 1, got " + jpegQuality + ".");
        }
        BufferedImage buffered = format == ImageFormat.PNG
                ? toIntImage(image, image.hasAlpha())
                : toThreeByteBgr(image);
        writeAtomically(buffered, format, file, jpegQuality);
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
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("Cannot write " + ImageDecoder.displayName(file) + ": the folder " + folder
                    + " does not exist.");
        }
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            encode(image, format, temp, jpegQuality);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void encode(BufferedImage image, ImageFormat format, Path temp, float jpegQuality)
            throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        if (!writers.hasNext()) {
            throw new IOException("This Java runtime has no " + format.name() + " encoder.");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = new FileImageOutputStream(temp.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(jpegQuality);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
