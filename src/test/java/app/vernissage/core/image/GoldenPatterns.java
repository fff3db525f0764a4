package app.vernissage.core.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test inputs computed from the same integer formulas as src/test/python/make_image_goldens.py,
 * so only the expected outputs need to be stored under src/test/resources/golden/.
 */
final class GoldenPatterns {
    private GoldenPatterns() {
    }

    static int noise(int x, int y, int c) {
        long h = ((x * 73856093L) ^ (y * 19349663L) ^ (c * 83492791L)) & 0xFFFFFFFFL;
        h = (h * 2654435761L) & 0xFFFFFFFFL;
        return (int) (h >>> 24);
    }

    static int pictureValue(int x, int y, int c, int w, int h) {
        if (((x / 8) + (y / 8)) % 3 == 0) {
            return noise(x, y, c);
        }
        return switch (c) {
            case 0 -> (x * 255) / Math.max(1, w - 1);
            case 1 -> (y * 255) / Math.max(1, h - 1);
            default -> ((x + y) * 255) / Math.max(1, w + h - 2);
        };
    }

    static int alphaValue(int x, int y) {
        if ((x / 5) % 4 == 0) {
            return 0;
        }
        if ((y / 7) % 3 == 0) {
            return 255;
        }
        return noise(x, y, 3);
    }

    static PixelImage picture(int w, int h, boolean withAlpha) {
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = withAlpha ? alphaValue(x, y) : 255;
                argb[y * w + x] = (a << 24) | (pictureValue(x, y, 0, w, h) << 16)
                        | (pictureValue(x, y, 1, w, h) << 8) | pictureValue(x, y, 2, w, h);
            }
        }
        return new PixelImage(w, h, argb, withAlpha);
    }

    static float[] maskValues(int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) (noise(x, y, 7) / 255.0);
            }
        }
        return out;
    }

    static Path golden(String name) {
        URL url = GoldenPatterns.class.getResource("/golden/" + name);
        if (url == null) {
            throw new IllegalStateException("Missing golden fixture " + name
                    + "; run /usr/bin/python3 src/test/python/make_image_goldens.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a raw R, G, B, A byte file as packed ARGB ints. */
    static int[] readRgba(String name) {
        try {
            byte[] raw = Files.readAllBytes(golden(name));
            int[] out = new int[raw.length / 4];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((raw[4 * i + 3] & 0xFF) << 24) | ((raw[4 * i] & 0xFF) << 16)
                        | ((raw[4 * i + 1] & 0xFF) << 8) | (raw[4 * i + 2] & 0xFF);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
