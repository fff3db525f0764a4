package app.vernissage.ui.editor;

import app.vernissage.core.canvas.CanvasExtension;
import app.vernissage.core.document.Document;
import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.zoom.ZoomExport;
import app.vernissage.engine.outpaint.ZoomOut;
import app.vernissage.ui.Messages;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Zoom-out video..." without a window, on the generated demo model set: files, cancel, refusals. */
class ZoomOutControllerTest {
    private static final Duration WAIT = Duration.ofSeconds(180);
    @TempDir
    static Path shared;
    @TempDir
    Path dir;
    @AutoClose
    static ViewModelFixture fixture;
    static UiQueue ui;
    static EditorViewModel vm;

    @BeforeAll
    static void start() throws Exception {
        fixture = ViewModelFixture.withDemoSet(shared.resolve("models"), WAIT);
        ui = fixture.ui();
        vm = fixture.vm();
    }

    @BeforeEach
    void defaults() {
        vm.randomSeedProperty().set(false);
        vm.seedProperty().set(7);
        vm.stepsProperty().set(2);
        vm.setDocument(new Document(OutpaintControllerTest.gradient(64, 48), null));
    }

    private ZoomOutController.Request request(int steps, int frames, Path folder) {
        return new ZoomOutController.Request(steps, 1.5, 16, "a garden\n\na city", 1, frames, 10, folder, true, true);
    }

    static int gifFrames(Path gif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }

    private static long count(Path folder, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
        }
    }

    @Test
    void twoStepsWriteTheFramesKeyframesAndGifAndLeaveTheDocumentAlone() throws Exception {
        Document doc = vm.document();
        int[] before = doc.image().argb().clone();
        Path out = dir.resolve("zoom");
        assertNull(vm.zoomOut().start(request(2, 6, out)), vm.messageProperty().get());
        assertTrue(vm.runningProperty().get());
        int[] previews = {0};
        javafx.beans.value.ChangeListener<PixelImage> shown = (obs, old, p) -> {
            if (p != null && p.width() == 64 && p.height() == 48) {
                previews[0]++;
            }
        };
        vm.previewProperty().addListener(shown);
        try {
            ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        } finally {
            vm.previewProperty().removeListener(shown);
        }

        assertEquals(Messages.get("zoomOut.done", out.toString(), 3, 6, "7"), vm.messageProperty().get());
        assertEquals(2, vm.zoomOut().keyframesDoneProperty().get());
        assertTrue(previews[0] >= 2, "keyframes previewed on the canvas: " + previews[0]);
        assertEquals(3, count(out, "keyframe-"));
        assertEquals(6, count(out, "frame-"));
        for (int i = 0; i < 6; i++) {
            PixelImage f = ImageFiles.read(out.resolve(ZoomExport.frameName(i)), ImageLimits.DEFAULT);
            assertEquals(64, f.width());
            assertEquals(48, f.height());
        }
        assertEquals(6, gifFrames(out.resolve("zoom.gif")));
        assertArrayEquals(before, ImageFiles.read(out.resolve("keyframe-00.png"), ImageLimits.DEFAULT).argb(),
                "keyframe 0 is the picture");

        assertSame(doc, vm.document(), "the zoom-out is an export");
        assertArrayEquals(before, doc.image().argb());
        assertTrue(vm.historyNames().isEmpty());
        assertFalse(doc.isDirty());
    }

    @Test
    void eachSamplerStepIsShownInTheRingBeingGenerated() throws Exception {
        Document doc = vm.document();
        ZoomOutController.Request r = request(1, 2, dir.resolve("steps"));
        CanvasExtension.Extended frame = ZoomOut.shrinkIntoFrame(doc.image(), r.zoom(), r.overlap());
        java.util.List<PixelImage> shown = new java.util.ArrayList<>();
        javafx.beans.value.ChangeListener<PixelImage> listener = (obs, old, p) -> {
            if (p != null && vm.zoomOut().keyframesDoneProperty().get() == 0) {
                shown.add(p);
            }
        };
        vm.previewProperty().addListener(listener);
        try {
            assertNull(vm.zoomOut().start(r), vm.messageProperty().get());
            ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        } finally {
            vm.previewProperty().removeListener(listener);
        }
        assertFalse(shown.isEmpty(), "no sampler preview before the keyframe was done");
        for (PixelImage p : shown) {
            // Outside the ring, each preview is the frame: the picture shrunk into the middle.
            byte[] ring = frame.mask().values();
            for (int i = 0; i < ring.length; i++) {
                if (ring[i] == 0) {
                    assertEquals(frame.image().argb()[i], p.argb()[i], "pixel " + i + " outside the ring");
                }
            }
        }
        assertSame(doc, vm.document());
    }

    @Test
    void onlyTheChosenOutputsAreWritten() throws Exception {
        Path out = dir.resolve("gif-only");
        assertNull(vm.zoomOut().start(new ZoomOutController.Request(1, 2.0, 8, "fog", 1, 4, 8, out, false, true)),
                vm.messageProperty().get());
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        assertEquals(0, count(out, "frame-"), vm.messageProperty().get());
        assertEquals(2, count(out, "keyframe-"));
        assertEquals(4, gifFrames(out.resolve("zoom.gif")));
    }

    @Test
    void cancelKeepsTheFinishedKeyframesAndWritesTheirAnimation() throws Exception {
        Document doc = vm.document();
        int[] before = doc.image().argb().clone();
        vm.stepsProperty().set(20);
        Path out = dir.resolve("cancelled");
        // Many steps, so that the cancel arrives long before the end; 120 frames = 2 per keyframe step.
        assertNull(vm.zoomOut().start(request(60, 120, out)), vm.messageProperty().get());
        ui.runUntil(() -> vm.zoomOut().keyframesDoneProperty().get() >= 2 || !vm.runningProperty().get(), WAIT);
        vm.cancel();
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);

        long finished = count(out, "keyframe-") - 1;
        assertTrue(finished >= 2 && finished < 60, "finished keyframes: " + finished + " " + vm.messageProperty().get());
        int frames = ZoomExport.framesFor(120, (int) finished, 60);
        assertEquals(2 * finished, frames);
        assertEquals(frames, count(out, "frame-"), vm.messageProperty().get());
        assertEquals(frames, gifFrames(out.resolve("zoom.gif")));
        assertEquals(Messages.get("zoomOut.cancelledKept", finished, 60, frames, out.toString()), vm.messageProperty().get());
        assertArrayEquals(before, doc.image().argb());
        assertTrue(vm.historyNames().isEmpty());
    }

    @Test
    void cancelWhileWritingStopsAfterTheCurrentFrameAndKeepsWhatWasWritten() throws Exception {
        Path out = dir.resolve("stopped");
        assertNull(vm.zoomOut().start(request(1, ZoomExport.MAX_FRAMES, out)), vm.messageProperty().get());
        String writing = Messages.get("zoomOut.writing", 1, ZoomExport.MAX_FRAMES);
        String prefix = writing.substring(0, writing.indexOf(' ') + 1);
        ui.runUntil(() -> vm.progressTextProperty().get().startsWith(prefix) && vm.progressProperty().get() > 0
                || !vm.runningProperty().get(), WAIT);
        vm.cancel();
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        long frames = count(out, "frame-");
        assertTrue(frames >= 1 && frames < ZoomExport.MAX_FRAMES, "frames written: " + frames);
        assertEquals(Messages.get("zoomOut.writeStopped", 2, frames, ZoomExport.MAX_FRAMES, out.toString()),
                vm.messageProperty().get());
        assertEquals(frames, gifFrames(out.resolve("zoom.gif")), "the GIF holds the frames written");
        assertEquals(2, count(out, "keyframe-"));
    }

    @Test
    void cancelBeforeTheFirstKeyframeWritesNothing() throws Exception {
        Path out = dir.resolve("nothing");
        // Hold the background thread so that the cancel surely comes before the first keyframe.
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        fixture.background().execute(() -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertNull(vm.zoomOut().start(request(3, 10, out)));
        vm.cancel();
        hold.countDown();
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        assertEquals(Messages.get("zoomOut.cancelledNothing"), vm.messageProperty().get());
        assertEquals(0, count(out, "keyframe-"));
        assertEquals(0, count(out, "frame-"));
        assertFalse(Files.exists(out.resolve("zoom.gif")));
    }

    @Test
    void badInputIsRefusedWithAMessageBeforeAnythingRuns() throws IOException {
        Path out = dir.resolve("never");
        Path file = Files.writeString(dir.resolve("a-file.txt"), "x");
        ZoomOutController z = vm.zoomOut();
        record Case(ZoomOutController.Request r, String expected) {
        }
        for (Case c : new Case[]{
                new Case(new ZoomOutController.Request(0, 2, 16, "p", 1, 48, 12, out, true, true),
                        Messages.get("zoomOut.badSteps", "500", "0")),
                new Case(new ZoomOutController.Request(3, 1.0, 16, "p", 1, 48, 12, out, true, true),
                        Messages.get("zoomOut.badZoom", "1.05", "8", "1")),
                new Case(new ZoomOutController.Request(3, 50, 16, "p", 1, 48, 12, out, true, true),
                        Messages.get("zoomOut.badZoom", "1.05", "8", "50")),
                new Case(new ZoomOutController.Request(3, 2, 16, "p", 1, 0, 12, out, true, true),
                        Messages.get("zoomOut.badFrames", "2", "10000", "0")),
                new Case(new ZoomOutController.Request(3, 2, 16, "p", 1, 48, 0, out, true, true),
                        Messages.get("zoomOut.badFps", "1", "100", "0")),
                new Case(new ZoomOutController.Request(3, 2, 16, " \n  ", 1, 48, 12, out, true, true),
                        Messages.get("zoomOut.noPrompt")),
                new Case(new ZoomOutController.Request(3, 2, 16, "p", 0, 48, 12, out, true, true),
                        Messages.get("zoomOut.badPromptSteps", "500", "0")),
                new Case(new ZoomOutController.Request(3, 2, 16, "p", 1, 48, 12, out, false, false),
                        Messages.get("zoomOut.noOutput")),
                new Case(new ZoomOutController.Request(3, 2, -1, "p", 1, 48, 12, out, true, true),
                        Messages.get("zoomOut.badOverlap", "4096", "-1")),
                new Case(new ZoomOutController.Request(3, 2, 16, "p", 1, 48, 12, null, true, true),
                        Messages.get("zoomOut.noFolder"))}) {
            assertEquals(c.expected(), z.start(c.r()), c.r().toString());
            assertEquals(c.expected(), vm.messageProperty().get());
            assertFalse(vm.runningProperty().get());
        }
        String notAFolder = z.start(request(2, 6, file));
        assertTrue(notAFolder.startsWith(Messages.get("zoomOut.badFolder", "")) && notAFolder.contains("is a file"), notAFolder);
        String noParent = z.start(request(2, 6, file.resolve("inside")));
        assertTrue(noParent.startsWith(Messages.get("zoomOut.badFolder", "")), noParent);
        assertFalse(vm.runningProperty().get());
        assertFalse(Files.exists(out), "nothing was created");
        assertTrue(vm.historyNames().isEmpty());
    }

    @Test
    void withoutAModelSetItSaysWhatGenerateSays() throws Exception {
        EditorViewModel none = new EditorViewModel(Runnable::run, Runnable::run, dir.resolve("no-models"));
        none.refreshModelSet();
        none.setDocument(new Document(OutpaintControllerTest.gradient(64, 48), null));
        assertEquals(Messages.get("message.noModelSet"), none.zoomOut().start(request(2, 6, dir.resolve("z"))));
        assertFalse(none.runningProperty().get());
        assertFalse(Files.exists(dir.resolve("z")));
    }
}
