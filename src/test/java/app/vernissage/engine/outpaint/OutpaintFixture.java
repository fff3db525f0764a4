package app.vernissage.engine.outpaint;

import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.PixelImage;

import java.nio.file.Path;

final class OutpaintFixture {
    private OutpaintFixture() {
    }

    static PixelImage photo(String name) {
        try {
            return ImageFiles.read(Path.of("docs/examples", name), ImageLimits.DEFAULT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PixelImage pattern(int w, int h) {
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            int x = i % w;
            int y = i / w;
            px[i] = 0xFF000000 | ((x * 7 + y) & 0xFF) << 16 | ((y * 5) & 0xFF) << 8 | ((x * y) & 0xFF);
        }
        return new PixelImage(w, h, px, false);
    }
}
