package app.vernissage.core.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Builds test image files with ImageIO (or by hand, for crafted headers). */
final class ImageFixtures {
    private ImageFixtures() {
    }

    static Path write(BufferedImage image, String format, Path file) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IllegalStateException("No " + format + " writer for " + image);
        }
        return file;
    }

    /** A component image with the given colour space, bits per sample and alpha. */
    static BufferedImage component(int w, int h, boolean gray, boolean alpha, int bits) {
        ColorSpace space = ColorSpace.getInstance(gray ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int bands = (gray ? 1 : 3) + (alpha ? 1 : 0);
        int[] sizes = new int[bands];
        java.util.Arrays.fill(sizes, bits);
        ComponentColorModel cm = new ComponentColorModel(space, sizes, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                bits == 16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
        return new BufferedImage(cm, raster, false, null);
    }

    /** A four-colour palette image; entry 3 is fully transparent when {@code transparent}. */
    static BufferedImage palette(int w, int h, boolean transparent) {
        byte[] r = {(byte) 0, (byte) 255, (byte) 10, (byte) 200};
        byte[] g = {(byte) 0, (byte) 0, (byte) 100, (byte) 200};
        byte[] b = {(byte) 0, (byte) 0, (byte) 250, (byte) 200};
        IndexColorModel cm = transparent ? new IndexColorModel(8, 4, r, g, b, 3) : new IndexColorModel(8, 4, r, g, b);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, cm);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.getRaster().setSample(x, y, 0, (x + y) % 4);
            }
        }
        return image;
    }

    /** An RGB picture with noise, which JPEG cannot compress to almost nothing. */
    static BufferedImage noisyRgb(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (GoldenPatterns.noise(x, y, 0) << 16) | (GoldenPatterns.noise(x, y, 1) << 8)
                        | GoldenPatterns.noise(x, y, 2));
            }
        }
        return image;
    }

    /** The first {@code keep} bytes of {@code source}, written to {@code target}. */
    static Path truncated(Path source, Path target, int keep) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        return Files.write(target, java.util.Arrays.copyOf(bytes, keep));
    }

    /**
     * A structurally complete PNG whose IHDR (with a correct CRC) declares the given size, followed
     * by a tiny IDAT and IEND: enough for a reader's header, far too little for the pixels.
     */
    static byte[] pngWithDeclaredSize(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A PNG built by hand from raw scanlines (each already prefixed with its filter byte 0), for
     * layouts ImageIO does not write, such as 1- and 4-bit grayscale.
     */
    static byte[] pngFromScanlines(int width, int height, int bitDepth, int colourType, byte[] scanlines)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) bitDepth).put((byte) colourType)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(scanlines);
        deflater.finish();
        byte[] buffer = new byte[scanlines.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        chunk(out, "IDAT", java.util.Arrays.copyOf(buffer, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** PNG IHDR bit depth and colour type of a file, to check that a fixture is what it claims. */
    static int[] pngDepthAndColourType(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        return new int[] {bytes[24] & 0xFF, bytes[25] & 0xFF};
    }
}
