package app.vernissage.core.zoom;

import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ZoomRendererTest {
    @TempDir
    Path dir;

    @Test
    void framesHaveTheKeyframeSizeAndStartAndEndOnKeyframes() throws Exception {
        PixelImage a = PixelImage.filled(60, 40, 0xFFFF0000);
        PixelImage b = PixelImage.filled(60, 40, 0xFF00FF00);
        PixelImage c = PixelImage.filled(60, 40, 0xFF0000FF);
        ZoomRenderer r = new ZoomRenderer(List.of(a, b, c), 2.0, 2);
        assertEquals(2, r.steps());
        assertEquals(0.0, r.timeOf(0, 9));
        assertEquals(2.0, r.timeOf(8, 9));
        PixelImage first = r.frame(0);
        assertEquals(60, first.width());
        assertEquals(40, first.height());
        assertEquals(0xFFFF0000, first.argbAt(30, 20));
        PixelImage last = r.frame(2);
        assertEquals(0xFF0000FF, last.argbAt(1, 1), "the last frame's border is the last keyframe");
        assertEquals(0xFF00FF00, last.argbAt(30, 20) | 0xFF000000, "its centre is the keyframe before");

        Path gif = dir.resolve("z.gif");
        try (AnimatedGif out = new AnimatedGif(gif, 80)) {
            for (int i = 0; i < 9; i++) {
                out.add(r.frame(r.timeOf(i, 9)));
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(9, reader.getNumImages(true));
            assertEquals(60, reader.read(0).getWidth());
        }
    }

    @Test
    void refusesOneKeyframeAndNoZoom() {
        PixelImage a = PixelImage.filled(8, 8, 0xFF000000);
        assertThrows(IllegalArgumentException.class, () -> new ZoomRenderer(List.of(a), 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new ZoomRenderer(List.of(a, a), 1, 1));
    }
}
