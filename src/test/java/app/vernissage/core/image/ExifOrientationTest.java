package app.vernissage.core.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExifOrientationTest {
    /** 3 x 2: 1 2 3 / 4 5 6. */
    private static PixelImage small() {
        return new PixelImage(3, 2, new int[]{1, 2, 3, 4, 5, 6}, false);
    }

    @Test
    void eachOrientationTurnsThePictureUpright() {
        assertArrayEquals(new int[]{4, 1, 5, 2, 6, 3}, ExifOrientation.apply(small(), 6).argb(), "90 clockwise");
        assertEquals(2, ExifOrientation.apply(small(), 6).width());
        assertArrayEquals(new int[]{3, 6, 2, 5, 1, 4}, ExifOrientation.apply(small(), 8).argb(), "90 counter-clockwise");
        assertArrayEquals(new int[]{6, 5, 4, 3, 2, 1}, ExifOrientation.apply(small(), 3).argb());
        assertArrayEquals(new int[]{3, 2, 1, 6, 5, 4}, ExifOrientation.apply(small(), 2).argb());
        assertArrayEquals(new int[]{4, 5, 6, 1, 2, 3}, ExifOrientation.apply(small(), 4).argb());
        assertArrayEquals(new int[]{1, 4, 2, 5, 3, 6}, ExifOrientation.apply(small(), 5).argb());
        assertArrayEquals(new int[]{6, 3, 5, 2, 4, 1}, ExifOrientation.apply(small(), 7).argb());
        assertArrayEquals(small().argb(), ExifOrientation.apply(small(), 1).argb());
    }

    /** A JPEG whose APP1/EXIF says {@code orientation}, little- or big-endian TIFF. */
    static byte[] jpegWithOrientation(PixelImage image, int orientation, boolean bigEndian, Path dir) throws Exception {
        Path plain = dir.resolve("plain.jpg");
        ImageFiles.write(image, plain, 1f);
        byte[] jpeg = Files.readAllBytes(plain);
        byte[] tiff = bigEndian
                ? new byte[]{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0}
                : new byte[]{'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0,
                0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.length;
        out.write(new byte[]{(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.write(new byte[]{'E', 'x', 'i', 'f', 0, 0});
        out.write(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void aJpegTaggedSixOpensRotatedClockwise(@TempDir Path dir) throws Exception {
        // 32 x 16: left half red, right half blue. Rotated 90 clockwise: 16 x 32, top half red.
        int[] px = new int[32 * 16];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i % 32) < 16 ? 0xFFFF0000 : 0xFF0000FF;
        }
        PixelImage image = new PixelImage(32, 16, px, false);
        for (boolean bigEndian : new boolean[]{true, false}) {
            Path file = dir.resolve("rotated-" + bigEndian + ".jpg");
            Files.write(file, jpegWithOrientation(image, 6, bigEndian, dir));
            assertEquals(6, ExifOrientation.read(file));
            PixelImage read = ImageFiles.read(file, ImageLimits.DEFAULT);
            assertEquals(16, read.width());
            assertEquals(32, read.height());
            int top = read.argbAt(8, 4);
            int bottom = read.argbAt(8, 28);
            assertTrue(((top >> 16) & 0xFF) > 200 && (top & 0xFF) < 60, Integer.toHexString(top));
            assertTrue(((bottom >> 16) & 0xFF) < 60 && (bottom & 0xFF) > 200, Integer.toHexString(bottom));
        }
        Path plain = dir.resolve("plain.jpg");
        assertEquals(1, ExifOrientation.read(plain));
        assertEquals(32, ImageFiles.read(plain, ImageLimits.DEFAULT).width());
    }

    @Test
    void damagedOrMissingExifCountsAsUpright() {
        assertEquals(1, ExifOrientation.parse(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 8, 'E', 'x'}));
        assertEquals(1, ExifOrientation.parse(new byte[]{1, 2, 3}));
        assertEquals(1, ExifOrientation.parse(new byte[0]));
    }
}
