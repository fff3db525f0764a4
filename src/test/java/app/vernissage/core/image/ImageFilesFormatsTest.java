package app.vernissage.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading each supported layout gives the file's own sample values, with alpha only when present. */
class ImageFilesFormatsTest {
    @TempDir
    Path dir;

    private PixelImage read(Path file) throws ImageReadException {
        return ImageFiles.read(file, ImageLimits.DEFAULT);
    }

    @Test
    void grayPngIsNotBrightened() throws Exception {
        BufferedImage gray = ImageFixtures.component(3, 2, true, false, 8);
        int[] samples = {0, 50, 100, 128, 200, 255};
        gray.getRaster().setPixels(0, 0, 3, 2, samples);
        Path file = ImageFixtures.write(gray, "png", dir.resolve("gray.png"));
        assertArrayEquals(new int[] {8, 0}, ImageFixtures.pngDepthAndColourType(file));

        PixelImage image = read(file);

        assertFalse(image.hasAlpha());
        for (int i = 0; i < samples.length; i++) {
            int v = samples[i];
            assertEquals(0xFF000000 | (v << 16) | (v << 8) | v, image.argb()[i], "sample " + i);
        }
    }

    @Test
    void grayAlphaPng() throws Exception {
        BufferedImage image = ImageFixtures.component(2, 1, true, true, 8);
        image.getRaster().setPixels(0, 0, 2, 1, new int[] {100, 255, 30, 77});
        Path file = ImageFixtures.write(image, "png", dir.resolve("graya.png"));
        assertArrayEquals(new int[] {8, 4}, ImageFixtures.pngDepthAndColourType(file));

        PixelImage read = read(file);

        assertTrue(read.hasAlpha());
        assertArrayEquals(new int[] {0xFF646464, 0x4D1E1E1E}, read.argb());
    }

    @Test
    void sixteenBitGrayPngIsReducedWithRounding() throws Exception {
        BufferedImage image = ImageFixtures.component(4, 1, true, false, 16);
        image.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 129, 32896, 65535});
        Path file = ImageFixtures.write(image, "png", dir.resolve("gray16.png"));
        assertArrayEquals(new int[] {16, 0}, ImageFixtures.pngDepthAndColourType(file));

        PixelImage read = read(file);

        // (v * 255 + 32767) / 65535: 129 -> 1, 32896 -> 128.
        assertArrayEquals(new int[] {0xFF000000, 0xFF010101, 0xFF808080, 0xFFFFFFFF}, read.argb());
        assertFalse(read.hasAlpha());
    }

    @Test
    void sixteenBitRgbaPng() throws Exception {
        BufferedImage image = ImageFixtures.component(1, 1, false, true, 16);
        image.getRaster().setPixel(0, 0, new int[] {65535, 257 * 18, 257 * 52, 257 * 128});
        Path file = ImageFixtures.write(image, "png", dir.resolve("rgba16.png"));
        assertArrayEquals(new int[] {16, 6}, ImageFixtures.pngDepthAndColourType(file));

        PixelImage read = read(file);

        assertTrue(read.hasAlpha());
        assertEquals(0x80FF1234, read.argbAt(0, 0));
    }

    @Test
    void rgbAndRgbaPngAreExact() throws Exception {
        PixelImage opaque = GoldenPatterns.picture(23, 11, false);
        PixelImage translucent = GoldenPatterns.picture(23, 11, true);
        BufferedImage rgb = new BufferedImage(23, 11, BufferedImage.TYPE_3BYTE_BGR);
        rgb.setRGB(0, 0, 23, 11, opaque.argb(), 0, 23);
        BufferedImage rgba = new BufferedImage(23, 11, BufferedImage.TYPE_4BYTE_ABGR);
        rgba.setRGB(0, 0, 23, 11, translucent.argb(), 0, 23);
        Path rgbFile = ImageFixtures.write(rgb, "png", dir.resolve("rgb.png"));
        Path rgbaFile = ImageFixtures.write(rgba, "png", dir.resolve("rgba.png"));
        assertArrayEquals(new int[] {8, 2}, ImageFixtures.pngDepthAndColourType(rgbFile));
        assertArrayEquals(new int[] {8, 6}, ImageFixtures.pngDepthAndColourType(rgbaFile));

        PixelImage readRgb = read(rgbFile);
        PixelImage readRgba = read(rgbaFile);

        assertFalse(readRgb.hasAlpha());
        assertArrayEquals(opaque.argb(), readRgb.argb());
        assertTrue(readRgba.hasAlpha());
        assertArrayEquals(translucent.argb(), readRgba.argb());
    }

    @Test
    void palettePngWithAndWithoutTransparency() throws Exception {
        Path opaqueFile = ImageFixtures.write(ImageFixtures.palette(4, 1, false), "png", dir.resolve("pal.png"));
        Path clearFile = ImageFixtures.write(ImageFixtures.palette(4, 1, true), "png", dir.resolve("palt.png"));
        assertEquals(3, ImageFixtures.pngDepthAndColourType(opaqueFile)[1]);

        PixelImage opaque = read(opaqueFile);
        PixelImage clear = read(clearFile);

        assertFalse(opaque.hasAlpha());
        assertArrayEquals(new int[] {0xFF000000, 0xFFFF0000, 0xFF0A64FA, 0xFFC8C8C8}, opaque.argb());
        assertTrue(clear.hasAlpha());
        assertEquals(0xFF0A64FA, clear.argbAt(2, 0));
        assertEquals(0, clear.argbAt(3, 0) >>> 24);
    }

    @Test
    void oneBitAndFourBitGrayPng() throws Exception {
        // 8 x 2 at 1 bit: row 0 = 10110000, row 1 = 01001111.
        byte[] oneBit = {0, (byte) 0b10110000, 0, (byte) 0b01001111};
        Path oneBitFile = java.nio.file.Files.write(dir.resolve("bits.png"),
                ImageFixtures.pngFromScanlines(8, 2, 1, 0, oneBit));
        // 4 x 1 at 4 bits: 0, 5, 10, 15 -> 0, 85, 170, 255.
        byte[] fourBit = {0, (byte) 0x05, (byte) 0xAF};
        Path fourBitFile = java.nio.file.Files.write(dir.resolve("nibbles.png"),
                ImageFixtures.pngFromScanlines(4, 1, 4, 0, fourBit));

        Mask mask = ImageFiles.readMask(oneBitFile, 8, 2, ImageLimits.DEFAULT);
        PixelImage nibbles = read(fourBitFile);

        int[] expectedBits = {1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 1};
        for (int i = 0; i < expectedBits.length; i++) {
            assertEquals(expectedBits[i] * 255, mask.values()[i] & 0xFF, "bit " + i);
        }
        assertArrayEquals(new int[] {0xFF000000, 0xFF555555, 0xFFAAAAAA, 0xFFFFFFFF}, nibbles.argb());
        assertFalse(nibbles.hasAlpha());
    }

    @Test
    void onePixelPng() throws Exception {
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        one.setRGB(0, 0, 0x123456);
        PixelImage read = read(ImageFixtures.write(one, "png", dir.resolve("one.png")));
        assertEquals(1, read.width());
        assertEquals(1, read.height());
        assertEquals(0xFF123456, read.argbAt(0, 0));
    }

    @Test
    void jpegColourAndGray() throws Exception {
        BufferedImage colour = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                colour.setRGB(x, y, 0xC86432);
            }
        }
        BufferedImage gray = ImageFixtures.component(16, 16, true, false, 8);
        WritableRaster raster = gray.getRaster();
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                raster.setSample(x, y, 0, 90);
            }
        }

        PixelImage readColour = read(ImageFixtures.write(colour, "jpeg", dir.resolve("c.jpg")));
        PixelImage readGray = read(ImageFixtures.write(gray, "jpeg", dir.resolve("g.jpeg")));

        assertFalse(readColour.hasAlpha());
        assertClose(0xC86432, readColour.argbAt(7, 7), 3);
        assertClose(0x5A5A5A, readGray.argbAt(7, 7), 1);
    }

    @Test
    void bmpIsExact() throws Exception {
        PixelImage picture = GoldenPatterns.picture(13, 7, false);
        BufferedImage rgb = new BufferedImage(13, 7, BufferedImage.TYPE_3BYTE_BGR);
        rgb.setRGB(0, 0, 13, 7, picture.argb(), 0, 13);

        PixelImage read = read(ImageFixtures.write(rgb, "bmp", dir.resolve("p.bmp")));

        assertFalse(read.hasAlpha());
        assertArrayEquals(picture.argb(), read.argb());
    }

    @Test
    void gifFirstFrameWithPalette() throws Exception {
        PixelImage read = read(ImageFixtures.write(ImageFixtures.palette(8, 2, true), "gif", dir.resolve("a.gif")));

        assertEquals(8, read.width());
        assertTrue(read.hasAlpha());
        assertEquals(0xFFFF0000, read.argbAt(1, 0));
        assertEquals(0, read.argbAt(3, 0) >>> 24);
    }

    private static void assertClose(int expectedRgb, int actualArgb, int tolerance) {
        assertEquals(0xFF, actualArgb >>> 24);
        for (int shift = 0; shift < 24; shift += 8) {
            int e = (expectedRgb >>> shift) & 0xFF;
            int a = (actualArgb >>> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= tolerance, String.format("expected %06X got %08X", expectedRgb, actualArgb));
        }
    }
}
