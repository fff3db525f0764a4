package app.vernissage.engine.outpaint;

import app.vernissage.core.canvas.CanvasExtension;
import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.engine.testing.TestSets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Windowed generation on a window chosen by hand instead of the automatic one (demo model set, CPU). */
class GivenWindowTest {
    @TempDir
    static Path shared;
    static InpaintEngine engine;
    static WindowedInpainter inpainter;

    @BeforeAll
    static void openDemo() {
        TestSets.write(shared.resolve("demo"), SyntheticModelSet.Options.demo());
        engine = TestSets.engine(shared.resolve("demo"), MemoryMode.KEEP_LOADED);
        inpainter = new WindowedInpainter(engine);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aHandChosenRegionBecomesAWindowByTheSameRules() {
        CanvasExtension.Extended ext = CanvasExtension.extend(OutpaintFixture.pattern(512, 256), new Outsets(0, 0, 128, 0),
                16, Long.MAX_VALUE);
        GenerateSettings s = GenerateSettings.of("sea", 2, 1);
        // Mask: x 496..639. A region left of it is widened to cover it, then snapped to 64s.
        ContextWindow w = WindowedInpainter.windowFor(ext.mask(), new Rect(300, 0, 100, 256), s);
        assertTrue(w.region().contains(new Rect(300, 0, 340, 256)), w.toString());
        assertEquals(ContextWindow.covering(new Rect(300, 0, 340, 256), 640, 256, s.maxWorkPixels()), w);
        assertEquals(0, w.workWidth() % 64);
    }

    @Test
    void generationUsesTheGivenWindowAndTouchesNothingOutsideIt() throws Exception {
        PixelImage in = OutpaintFixture.pattern(512, 256);
        CanvasExtension.Extended ext = CanvasExtension.extend(in, new Outsets(0, 0, 128, 0), 16, Long.MAX_VALUE);
        GenerateSettings s = GenerateSettings.of("sea", 2, 3);
        ContextWindow automatic = WindowedInpainter.windowFor(ext.mask(), s);
        // A wider window than the automatic one (which starts at x = 496 - 128 = 368).
        ContextWindow mine = ContextWindow.covering(new Rect(192, 0, 448, 256), 640, 256, s.maxWorkPixels());
        assertNotEquals(automatic.region(), mine.region());

        WindowedInpainter.Outcome out = inpainter.generate(ext.image(), ext.mask(), mine, s, ProgressListener.NONE,
                new CancellationToken());
        assertEquals(mine, out.window());
        assertEquals(mine.workWidth(), out.run().workingSize().width());
        assertEquals(mine.workHeight(), out.run().workingSize().height());
        int changed = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 640; x++) {
                boolean outside = x < mine.region().x() || x >= mine.region().right();
                if (outside || ext.mask().valueAt(x, y) == 0) {
                    assertEquals(ext.image().argbAt(x, y), out.image().argbAt(x, y), "pixel (" + x + ", " + y + ")");
                } else if (ext.image().argbAt(x, y) != out.image().argbAt(x, y)) {
                    changed++;
                }
            }
        }
        assertTrue(changed > 0, "the masked part of the window is generated");
    }

    @Test
    void aWindowThatDoesNotFitIsRefused() {
        CanvasExtension.Extended ext = CanvasExtension.extend(OutpaintFixture.pattern(256, 128), new Outsets(0, 0, 64, 0),
                16, Long.MAX_VALUE);
        GenerateSettings s = GenerateSettings.of("sea", 2, 3);
        CancellationToken token = new CancellationToken();
        // Not over the mask (x 240..319).
        assertThrows(IllegalArgumentException.class, () -> inpainter.generate(ext.image(), ext.mask(),
                new ContextWindow(new Rect(0, 0, 128, 128), 128, 128), s, ProgressListener.NONE, token));
        // Outside the picture.
        assertThrows(IllegalArgumentException.class, () -> inpainter.generate(ext.image(), ext.mask(),
                new ContextWindow(new Rect(200, 0, 192, 128), 192, 128), s, ProgressListener.NONE, token));
        // A working size off the 64 grid.
        assertThrows(IllegalArgumentException.class, () -> inpainter.generate(ext.image(), ext.mask(),
                new ContextWindow(new Rect(192, 0, 128, 128), 100, 128), s, ProgressListener.NONE, token));
    }
}
