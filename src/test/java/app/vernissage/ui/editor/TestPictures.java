package app.vernissage.ui.editor;

import app.vernissage.core.image.PixelImage;

/** Pictures for the editor's tests. */
final class TestPictures {
    private TestPictures() {
    }

    /**
     * Red grows by {@code redStep} a column, green by {@code greenStep} a row, blue is 90. Nothing is clamped: past
     * 255 a channel runs into the one above it, and the tests' expected pixels come from exactly these values.
     */
    static PixelImage gradient(int w, int h, int redStep, int greenStep) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = 0xFF000000 | (x * redStep << 16) | (y * greenStep << 8) | 90;
            }
        }
        return new PixelImage(w, h, px, false);
    }
}
