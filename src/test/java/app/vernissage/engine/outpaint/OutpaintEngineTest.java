package app.vernissage.engine.outpaint;

import app.vernissage.core.canvas.CanvasExtension;
import app.vernissage.core.canvas.EdgeBlurFill;
import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.pipeline.StepProgress;
import app.vernissage.engine.pipeline.Timings;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.CancelledException;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.engine.testing.TestSets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Windowed generation, panoramas and zoom-out on the generated demo model set, on CPU. */
class OutpaintEngineTest {
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

    static GenerateSettings settings() {
        return GenerateSettings.of("a wooden table", 3, 7).withPreFill(EdgeBlurFill.INSTANCE);
    }

    @Test
    void outpaint512RightBy256KeepsTheOldPictureOutsideTheBand() throws Exception {
        PixelImage in = OutpaintFixture.pattern(512, 512);
        int overlap = 32;
        CanvasExtension.Extended ext = CanvasExtension.extend(in, new Outsets(0, 0, 256, 0), overlap, Long.MAX_VALUE);
        WindowedInpainter.Outcome out = inpainter.generate(ext.image(), ext.mask(), settings(), ProgressListener.NONE,
                new CancellationToken());
        assertEquals(768, out.image().width());
        assertEquals(512, out.image().height());
        int changedInBand = 0;
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                if (x < 512 - overlap) {
                    assertEquals(in.argbAt(x, y), out.image().argbAt(x, y), "pixel (" + x + ", " + y + ")");
                } else if (in.argbAt(x, y) != out.image().argbAt(x, y)) {
                    changedInBand++;
                }
            }
        }
        assertTrue(changedInBand > 0, "the band is repainted");
        assertEquals(new ContextWindow(new app.vernissage.core.canvas.Regions.Rect(320, 0, 448, 512), 448, 512), out.window());
        assertEquals(448, out.run().workingSize().width());
    }

    @Test
    void aSmallMaskInALargeDocumentTouchesOnlyItsWindowAtFullResolution() throws Exception {
        PixelImage doc = OutpaintFixture.pattern(3000, 600);
        Mask mask = Mask.rectangle(3000, 600, 2000, 200, 2100, 300);
        WindowedInpainter.Outcome out = inpainter.generate(doc, mask, settings().withPadding(64).withFeather(4),
                ProgressListener.NONE, new CancellationToken());
        var r = out.window().region();
        assertEquals(1.0, out.window().scaleX(), 1e-9, "a small window is not scaled down");
        assertEquals(256, out.run().workingSize().width());
        int changed = 0;
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 3000; x++) {
                boolean inWindow = x >= r.x() && x < r.right() && y >= r.y() && y < r.bottom();
                int a = doc.argbAt(x, y);
                int b = out.image().argbAt(x, y);
                if (!inWindow || x < 2000 - 4 || x >= 2100 + 4 || y < 200 - 4 || y >= 300 + 4) {
                    assertEquals(a, b, "pixel (" + x + ", " + y + ") outside the feathered mask");
                } else if (a != b) {
                    changed++;
                }
            }
        }
        assertTrue(changed >= 100 * 100 * 9 / 10, "mask repainted: " + changed);
    }

    @Test
    void cancellingLeavesTheDocumentAsItWas() {
        PixelImage doc = OutpaintFixture.pattern(256, 256);
        int[] before = doc.argb().clone();
        CancellationToken token = new CancellationToken();
        ProgressListener cancelAtStep2 = new ProgressListener() {
            @Override
            public void onStep(StepProgress p) {
                if (p.step() == 2) {
                    token.cancel();
                }
            }
        };
        assertThrows(CancelledException.class, () -> inpainter.generateInPlace(doc, Mask.rectangle(256, 256, 10, 10, 50, 50),
                settings(), cancelAtStep2, token));
        assertArrayEquals(before, doc.argb());
    }

    @Test
    void preFillReachesTheModelBelowFullStrength() throws Exception {
        PixelImage in = OutpaintFixture.pattern(128, 128);
        CanvasExtension.Extended ext = CanvasExtension.extend(in, new Outsets(0, 0, 64, 0), 16, Long.MAX_VALUE);
        var blur = inpainter.generate(ext.image(), ext.mask(), settings().withStrength(0.5f), ProgressListener.NONE,
                new CancellationToken());
        var none = inpainter.generate(ext.image(), ext.mask(), settings().withStrength(0.5f)
                .withPreFill(app.vernissage.core.canvas.PreFill.NONE), ProgressListener.NONE, new CancellationToken());
        assertFalse(java.util.Arrays.equals(blur.image().argb(), none.image().argb()));
    }

    @Test
    void panoramaFrom512To4096AndEveryStepReported() throws Exception {
        PixelImage start = OutpaintFixture.photo("coffee.png");
        start = app.vernissage.core.image.PillowResize.bicubic(start, 512, 512);
        List<Integer> widths = new ArrayList<>();
        Panorama.Plan plan = new Panorama.Plan(new Outsets(0, 0, 256, 0), 14, 32, 16384L * 16384);
        Panorama.Outcome out = new Panorama(inpainter).run(start, plan, GenerateSettings.of("wood", 1, 3),
                new StepListener() {
                    @Override
                    public void onStepFinished(int step, int total, PixelImage picture, Timings t) {
                        widths.add(picture.width());
                    }
                }, ProgressListener.NONE, new CancellationToken());
        assertFalse(out.cancelled());
        assertEquals(14, out.finished());
        assertEquals(4096, out.image().width());
        assertEquals(512, out.image().height());
        assertEquals(14, widths.size());
        assertEquals(768, widths.getFirst());
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512 - 32; x++) {
                assertEquals(start.argbAt(x, y), out.image().argbAt(x, y));
            }
        }
    }

    @Test
    void cancellingMidPanoramaKeepsTheFinishedSteps() throws Exception {
        PixelImage start = OutpaintFixture.pattern(128, 128);
        CancellationToken token = new CancellationToken();
        int[] steps = {0};
        List<PixelImage> finished = new ArrayList<>();
        Panorama.Plan plan = new Panorama.Plan(new Outsets(64, 0, 0, 0), 5, 16, Long.MAX_VALUE);
        Panorama.Outcome out = new Panorama(inpainter).run(start, plan, GenerateSettings.of("x", 3, 1),
                new StepListener() {
                    @Override
                    public void onStepFinished(int step, int total, PixelImage picture, Timings t) {
                        finished.add(picture);
                    }
                }, new ProgressListener() {
                    @Override
                    public void onStep(StepProgress p) {
                        // Cancel within step 3 (after its second sampler step).
                        if (p.step() == 1) {
                            steps[0]++;
                        }
                        if (steps[0] == 3 && p.step() == 2) {
                            token.cancel();
                        }
                    }
                }, token);
        assertTrue(out.cancelled());
        assertEquals(2, out.finished());
        assertEquals(128 + 2 * 64, out.image().width());
        assertEquals(finished.getLast(), out.image());
        assertEquals(2, finished.size());
    }

    @Test
    void panoramaOverTheLimitIsRefusedBeforeItStarts() {
        Panorama.Plan plan = new Panorama.Plan(new Outsets(0, 0, 1000, 0), 100, 16, 5_000_000L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Panorama(inpainter).run(
                OutpaintFixture.pattern(64, 64), plan, settings(), StepListener.NONE, ProgressListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
    }

    @Test
    void zoomOutKeyframesKeepTheFrameSizeAndFollowThePromptSchedule() throws Exception {
        PixelImage start = OutpaintFixture.photo("chelsea.png");
        List<String> prompts = new ArrayList<>();
        ZoomOut.Plan plan = new ZoomOut.Plan(3, 1.5, 16, List.of("garden", "street"));
        assertEquals("garden", plan.promptFor(1));
        assertEquals("street", plan.promptFor(2));
        assertEquals("street", plan.promptFor(3));
        ZoomOut.Outcome out = new ZoomOut(inpainter).run(start, plan, GenerateSettings.of("x", 2, 1),
                StepListener.NONE, ProgressListener.NONE, new CancellationToken());
        assertEquals(4, out.keyframes().size());
        for (PixelImage k : out.keyframes()) {
            assertEquals(451, k.width());
            assertEquals(300, k.height());
        }
        var renderer = new app.vernissage.core.zoom.ZoomRenderer(out.keyframes(), 1.5, 8);
        for (int i = 0; i < 10; i++) {
            PixelImage f = renderer.frame(renderer.timeOf(i, 10));
            assertEquals(451, f.width());
            assertEquals(300, f.height());
        }
    }
}
