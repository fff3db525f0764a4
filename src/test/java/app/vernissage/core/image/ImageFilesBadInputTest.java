package app.vernissage.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a picture file can be unusable gives one readable sentence naming the file. */
class ImageFilesBadInputTest {
    @TempDir
    Path dir;

    private ImageReadException refused(Path file) {
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> ImageFiles.read(file, ImageLimits.DEFAULT));
        assertOneSentenceNaming(e.getMessage(), file.getFileName().toString());
        return e;
    }

    static void assertOneSentenceNaming(String message, String fileName) {
        assertTrue(message.startsWith(fileName + " "), "starts with the file name: " + message);
        assertTrue(message.endsWith("."), "ends as a sentence: " + message);
        assertTrue(!message.contains("\n"), "one line: " + message);
    }

    @Test
    void missingFile() {
        assertTrue(refused(dir.resolve("nowhere.png")).getMessage().contains("does not exist"));
    }

    @Test
    void directory() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("photos.png"));
        assertTrue(refused(folder).getMessage().contains("folder"));
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertEquals("empty.png is empty (0 bytes), so it holds no image.", refused(empty).getMessage());
    }

    @Test
    void randomBytes() throws IOException {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        junk[0] = 0;
        Path file = Files.write(dir.resolve("photo.png"), junk);
        assertEquals("photo.png is not an image Vernissage can read (no PNG, JPEG, BMP, GIF, TIFF or WebP header).",
                refused(file).getMessage());
    }

    @Test
    void textFileWithImageName() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.jpg"), "hello, this is not a JPEG");
        assertTrue(refused(file).getMessage().contains("not an image"));
    }

    @Test
    void fileLargerThanTheByteLimit() throws IOException {
        Path png = ImageFixtures.write(ImageFixtures.noisyRgb(32, 32), "png", dir.resolve("big.png"));
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> ImageFiles.read(png, new ImageLimits(1_000_000, 100)));
        assertOneSentenceNaming(e.getMessage(), "big.png");
        assertTrue(e.getMessage().contains("larger than the 100 bytes"), e.getMessage());
    }

    @Test
    void truncatedPng() throws IOException {
        Path whole = ImageFixtures.write(ImageFixtures.noisyRgb(64, 64), "png", dir.resolve("whole.png"));
        long size = Files.size(whole);
        Path cut = ImageFixtures.truncated(whole, dir.resolve("cut.png"), (int) (size / 2));
        assertTrue(refused(cut).getMessage().contains("incomplete"));
        Path justSignature = ImageFixtures.truncated(whole, dir.resolve("sig.png"), 20);
        assertTrue(refused(justSignature).getMessage().contains("incomplete"));
    }

    @Test
    void pngWithMissingEndChunkOnly() throws IOException {
        Path whole = ImageFixtures.write(ImageFixtures.noisyRgb(16, 16), "png", dir.resolve("whole.png"));
        Path cut = ImageFixtures.truncated(whole, dir.resolve("noiend.png"), (int) Files.size(whole) - 12);
        assertTrue(refused(cut).getMessage().contains("incomplete"));
    }

    @Test
    void corruptPngData() throws IOException {
        Path whole = ImageFixtures.write(ImageFixtures.noisyRgb(32, 32), "png", dir.resolve("whole.png"));
        byte[] bytes = Files.readAllBytes(whole);
        int idat = indexOf(bytes, "IDAT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int length = java.nio.ByteBuffer.wrap(bytes, idat - 4, 4).getInt();
        java.util.Arrays.fill(bytes, idat + 4, idat + 4 + length, (byte) 0xFF);
        Path broken = Files.write(dir.resolve("broken.png"), bytes);
        assertTrue(refused(broken).getMessage().contains("damaged"));
    }

    @Test
    void truncatedJpeg() throws IOException {
        Path whole = ImageFixtures.write(ImageFixtures.noisyRgb(64, 64), "jpeg", dir.resolve("whole.jpg"));
        Path cut = ImageFixtures.truncated(whole, dir.resolve("cut.jpg"), (int) (Files.size(whole) * 6 / 10));
        String message = refused(cut).getMessage();
        assertTrue(message.contains("incomplete") || message.contains("damaged"), message);
    }

    @Test
    void jpegHeaderOnly() throws IOException {
        Path whole = ImageFixtures.write(ImageFixtures.noisyRgb(64, 64), "jpeg", dir.resolve("whole.jpg"));
        refused(ImageFixtures.truncated(whole, dir.resolve("head.jpg"), 40));
    }

    @Test
    void truncatedBmpAndGif() throws IOException {
        Path bmp = ImageFixtures.write(ImageFixtures.noisyRgb(64, 64), "bmp", dir.resolve("whole.bmp"));
        Path gif = ImageFixtures.write(ImageFixtures.palette(64, 64, false), "gif", dir.resolve("whole.gif"));
        Path cutBmp = ImageFixtures.truncated(bmp, dir.resolve("cut.bmp"), (int) Files.size(bmp) / 2);
        assertTrue(refused(cutBmp).getMessage().contains("ends too early"));
        refused(ImageFixtures.truncated(gif, dir.resolve("cut.gif"), (int) Files.size(gif) / 2));
        refused(ImageFixtures.truncated(gif, dir.resolve("head.gif"), 20));
    }

    @Test
    void hugeDeclaredSizeIsRefusedFromTheHeader() throws IOException {
        Path file = Files.write(dir.resolve("huge.png"), ImageFixtures.pngWithDeclaredSize(60000, 60000));
        String message = refused(file).getMessage();
        assertTrue(message.contains("60000 x 60000"), message);
        assertTrue(message.contains("268,435,456"), message);
    }

    @Test
    void pixelLimitIsConfigurable() throws Exception {
        Path png = ImageFixtures.write(ImageFixtures.noisyRgb(20, 20), "png", dir.resolve("small.png"));
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> ImageFiles.read(png, new ImageLimits(399, ImageLimits.DEFAULT.maxFileBytes())));
        assertTrue(e.getMessage().contains("20 x 20"), e.getMessage());
        assertEquals(400L, ImageFiles.read(png, new ImageLimits(400, 1 << 20)).pixelCount());
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
