package app.vernissage.core.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TIFF (the JDK's plugin) and WebP (TwelveMonkeys) open like the core formats, with the same checks. */
class MoreFormatsTest {
    @TempDir
    Path dir;

    @Test
    void tiffOpensWithExactPixels() throws Exception {
        BufferedImage b = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
        b.setRGB(0, 0, 0x123456);
        b.setRGB(4, 2, 0xABCDEF);
        Path file = dir.resolve("scan.tif");
        assertTrue(ImageIO.write(b, "tiff", file.toFile()));
        PixelImage image = ImageFiles.read(file, ImageLimits.DEFAULT);
        assertEquals(5, image.width());
        assertEquals(0xFF123456, image.argbAt(0, 0));
        assertEquals(0xFFABCDEF, image.argbAt(4, 2));
    }

    /** A lossless 6x4 WebP written by Pillow: orange with one green pixel at (0, 0). */
    @Test
    void webpOpensWithExactPixels() throws Exception {
        PixelImage image = ImageFiles.read(Path.of("src/test/resources/formats/tiny.webp"), ImageLimits.DEFAULT);
        assertEquals(6, image.width());
        assertEquals(4, image.height());
        assertEquals(0xFF00FF00, image.argbAt(0, 0));
        assertEquals(0xFFC86432, image.argbAt(5, 3));
    }

    @Test
    void truncatedWebpIsRefusedWithAMessage() throws Exception {
        byte[] whole = Files.readAllBytes(Path.of("src/test/resources/formats/tiny.webp"));
        Path cut = dir.resolve("cut.webp");
        Files.write(cut, java.util.Arrays.copyOf(whole, 20));
        ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(cut, ImageLimits.DEFAULT));
        assertTrue(e.getMessage().startsWith("cut.webp"), e.getMessage());
    }
}
