package app.vernissage.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EXIF orientation tag (0x0112) of a JPEG, and turning a decoded picture upright by it.
 *
 * <p>Values follow the TIFF/EXIF standard: 1 = as stored, 2 = mirrored left-right, 3 = rotated 180,
 * 4 = mirrored top-bottom, 5 = transposed, 6 = needs rotating 90 degrees clockwise, 7 = transverse,
 * 8 = needs rotating 90 degrees counter-clockwise. Only the JPEG's markers before the image data are
 * read; anything unusual (no EXIF, a damaged block, a value outside 1..8) counts as 1.
 */
public final class ExifOrientation {
    /** Markers are looked for within the first bytes only; EXIF sits right after SOI. */
    private static final int HEAD_BYTES = 256 * 1024;

    private ExifOrientation() {
    }

    /** The orientation 1..8 of the JPEG file, 1 when it has none or is not a JPEG. */
    public static int read(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        return parse(head);
    }

    /** The orientation 1..8 found in the bytes of a JPEG's beginning, 1 when none. */
    public static int parse(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return 1;
        }
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                return 1;
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1;
            }
            int length = u16(jpeg, pos + 2, true);
            if (length < 2) {
                return 1;
            }
            int start = pos + 4;
            int end = Math.min(jpeg.length, pos + 2 + length);
            if (marker == 0xE1 && end - start >= 14 && jpeg[start] == 'E' && jpeg[start + 1] == 'x'
                    && jpeg[start + 2] == 'i' && jpeg[start + 3] == 'f' && jpeg[start + 4] == 0 && jpeg[start + 5] == 0) {
                int value = fromTiff(jpeg, start + 6, end);
                return value >= 1 && value <= 8 ? value : 1;
            }
            pos = pos + 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean bigEndian;
        if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            bigEndian = true;
        } else if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            bigEndian = false;
        } else {
            return 1;
        }
        if (u16(b, tiff + 2, bigEndian) != 42) {
            return 1;
        }
        long ifd = u32(b, tiff + 4, bigEndian);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return 1;
        }
        int at = (int) (tiff + ifd);
        int count = u16(b, at, bigEndian);
        for (int i = 0; i < count; i++) {
            int entry = at + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, bigEndian) == 0x0112) {
                int type = u16(b, entry + 2, bigEndian);
                if (type != 3) {
                    return 1;
                }
                return u16(b, entry + 8, bigEndian);
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        int a = b[at] & 0xFF;
        int c = b[at + 1] & 0xFF;
        return bigEndian ? a << 8 | c : c << 8 | a;
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        long hi = u16(b, bigEndian ? at : at + 2, bigEndian);
        long lo = u16(b, bigEndian ? at + 2 : at, bigEndian);
        return hi << 16 | lo;
    }

    /** The picture turned upright for {@code orientation} 1..8 (a new picture; 1 returns it as is). */
    public static PixelImage apply(PixelImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int[] src = image.argb();
        int[] out = new int[src.length];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                // (sx, sy): the stored pixel shown at (x, y) of the upright picture.
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; }
                }
                out[y * ow + x] = src[sy * w + sx];
            }
        }
        return new PixelImage(ow, oh, out, image.hasAlpha());
    }
}
