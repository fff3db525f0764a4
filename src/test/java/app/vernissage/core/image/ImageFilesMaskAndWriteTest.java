package app.vernissage.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesMaskAndWriteTest {
    @TempDir
    Path dir;

    @Test
    void grayMaskIsTakenAsIs() throws Exception {
        BufferedImage gray = ImageFixtures.component(3, 1, true, false, 8);
        gray.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 127, 255});
        Path file = ImageFixtures.write(gray, "png", dir.resolve("mask.png"));

        Mask mask = ImageFiles.readMask(file, 3, 1, ImageLimits.DEFAULT);

        assertEquals(0, mask.valueAt(0, 0));
        assertEquals(127, mask.valueAt(1, 0));
        assertEquals(255, mask.valueAt(2, 0));
    }

    @Test
    void translucentMaskUsesAlpha() throws Exception {
        BufferedImage rgba = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 3, 1, new int[] {0x00FFFFFF, 0x80000000, 0xFF000000}, 0, 3);
        Mask mask = ImageFiles.readMask(ImageFixtures.write(rgba, "png", dir.resolve("m.png")), 3, 1,
                ImageLimits.DEFAULT);
        assertArrayEquals(new byte[] {0, (byte) 0x80, (byte) 0xFF}, mask.values());
    }

    @Test
    void opaqueRgbaMaskUsesLuminance() throws Exception {
        BufferedImage rgba = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 4, 1, new int[] {0xFFFFFFFF, 0xFF000000, 0xFFFF0000, 0xFF0A141E}, 0, 4);
        Mask mask = ImageFiles.readMask(ImageFixtures.write(rgba, "png", dir.resolve("m.png")), 4, 1,
                ImageLimits.DEFAULT);
        // red: round(0.299 * 255) = 76; (10, 20, 30): round(2.99 + 11.74 + 3.42) = round(18.15) = 18.
        assertArrayEquals(new byte[] {(byte) 255, 0, 76, 18}, mask.values());
    }

    @Test
    void maskOfAnotherSizeIsRefused() throws Exception {
        Path file = dir.resolve("mask.png");
        ImageFiles.writeMask(Mask.filled(64, 32, 255), file);
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> ImageFiles.readMask(file, 640, 480, ImageLimits.DEFAULT));
        assertEquals("mask.png is 64 x 32 pixels but the picture is 640 x 480 pixels, and the sizes must match.",
                e.getMessage());
    }

    @Test
    void maskRoundTripsAsGrayPng() throws Exception {
        byte[] values = new byte[7 * 5];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) (i * 7);
        }
        Path file = dir.resolve("m.png");
        ImageFiles.writeMask(new Mask(7, 5, values), file);
        assertArrayEquals(new int[] {8, 0}, ImageFixtures.pngDepthAndColourType(file));
        assertArrayEquals(values, ImageFiles.readMask(file, 7, 5, ImageLimits.DEFAULT).values());
    }

    @Test
    void pngKeepsAlphaOnlyWhenTheImageHasIt() throws Exception {
        PixelImage translucent = GoldenPatterns.picture(17, 9, true);
        PixelImage opaque = GoldenPatterns.picture(17, 9, false);
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.PNG");
        ImageFiles.write(translucent, a, 0.9f);
        ImageFiles.write(opaque, b, 0.9f);

        PixelImage readA = ImageFiles.read(a, ImageLimits.DEFAULT);
        PixelImage readB = ImageFiles.read(b, ImageLimits.DEFAULT);

        assertTrue(readA.hasAlpha());
        assertArrayEquals(translucent.argb(), readA.argb());
        assertFalse(readB.hasAlpha());
        assertArrayEquals(opaque.argb(), readB.argb());
    }

    @Test
    void jpegAndBmpDropAlpha() throws Exception {
        PixelImage translucent = PixelImage.filled(16, 16, 0x40C86432);
        Path jpg = dir.resolve("x.jpg");
        Path bmp = dir.resolve("x.bmp");
        ImageFiles.write(translucent, jpg, 0.95f);
        ImageFiles.write(translucent, bmp, 0.95f);

        PixelImage readJpg = ImageFiles.read(jpg, ImageLimits.DEFAULT);
        PixelImage readBmp = ImageFiles.read(bmp, ImageLimits.DEFAULT);

        assertFalse(readJpg.hasAlpha());
        assertFalse(readBmp.hasAlpha());
        assertEquals(0xFFC86432, readBmp.argbAt(5, 5));
        int p = readJpg.argbAt(8, 8);
        assertTrue(Math.abs(((p >>> 16) & 0xFF) - 0xC8) <= 3, Integer.toHexString(p));
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("out.png");
        ImageFiles.write(PixelImage.filled(4, 4, 0xFF0000FF), file, 1f);
        ImageFiles.write(PixelImage.filled(5, 3, 0xFFFF0000), file, 1f);

        PixelImage read = ImageFiles.read(file, ImageLimits.DEFAULT);

        assertEquals(5, read.width());
        assertEquals(0xFFFF0000, read.argbAt(0, 0));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void unknownExtensionIsRefused() {
        IOException e = assertThrows(IOException.class,
                () -> ImageFiles.write(PixelImage.filled(2, 2, 0xFF000000), dir.resolve("out.tiff"), 0.9f));
        assertTrue(e.getMessage().contains("out.tiff") && e.getMessage().contains(".png"), e.getMessage());
        assertThrows(IOException.class,
                () -> ImageFiles.write(PixelImage.filled(2, 2, 0xFF000000), dir.resolve("noextension"), 0.9f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }
}
