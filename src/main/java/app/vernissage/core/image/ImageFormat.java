package app.vernissage.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats Vernissage reads, recognised by their leading bytes rather than by name. */
enum ImageFormat {
    PNG("png"),
    JPEG("jpeg"),
    BMP("bmp"),
    GIF("gif"),
    /** Read by the JDK's own TIFF plugin. */
    TIFF("tiff"),
    /** Read by TwelveMonkeys' WebP plugin (a maintained ImageIO library). */
    WEBP("webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The format name ImageIO knows this format by. */
    String imageIoName() {
        return imageIoName;
    }

    /** Recognises the format from the first bytes of the file, or returns empty. */
    static Optional<ImageFormat> sniff(Path file) throws IOException {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 8 && startsWith(head, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (n >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8'
                && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
            return Optional.of(GIF);
        }
        if (n >= 2 && head[0] == 'B' && head[1] == 'M') {
            return Optional.of(BMP);
        }
        if (n >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42))) {
            return Optional.of(TIFF);
        }
        if (n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The format to write for a file name's extension, or empty when Vernissage does not write it. */
    static Optional<ImageFormat> forWritingByExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return switch (fileName.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "png" -> Optional.of(PNG);
            case "jpg", "jpeg" -> Optional.of(JPEG);
            case "bmp" -> Optional.of(BMP);
            default -> Optional.empty();
        };
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
