package app.vernissage.ui.editor;

import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Extend canvas, its undo, the context window, windowed Generate and panoramas, without a window. */
class OutpaintControllerTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    @TempDir
    static Path shared;
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
        vm.seedProperty().set(5);
        vm.stepsProperty().set(2);
        vm.variantCountProperty().set(1);
        vm.promptProperty().set("a wide landscape");
        vm.outpaint().overlapProperty().set(OutpaintController.DEFAULT_OVERLAP);
        vm.outpaint().paddingProperty().set(128);
        vm.outpaint().fillProperty().set(OutpaintController.Fill.BLUR);
    }

    static PixelImage gradient(int w, int h) {
        return TestPictures.gradient(w, h, 3, 4);
    }

    private static void extendAndWait(int left, int top, int right, int bottom) {
        assertTrue(vm.outpaint().extend(left, top, right, bottom), vm.messageProperty().get());
        try {
            ui.runUntil(() -> !vm.outpaint().extendingProperty().get(), WAIT);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void extendRightBy32KeepsOldPixelsMasksNewAreaAndBandAndUndoRestoresExactly() {
        Document old = new Document(gradient(64, 48), null);
        MaskOperations.fill(old, new PixelRect(2, 2, 5, 5), 255);
        vm.setDocument(old);
        int[] oldPixels = old.image().argb().clone();
        byte[] oldMask = old.mask().values().clone();
        vm.outpaint().overlapProperty().set(16);

        extendAndWait(0, 0, 32, 0);
        Document grown = vm.document();
        assertEquals(96, grown.width());
        assertEquals(48, grown.height());
        assertTrue(grown.isDirty());
        int band = 16;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 96; x++) {
                int m = grown.mask().valueAt(x, y);
                if (x >= 64) {
                    assertEquals(255, m, "new area masked at " + x + "," + y);
                } else if (x >= 64 - band) {
                    assertTrue(m > 0 && m < 255, "band ramps at " + x + "," + y + ": " + m);
                    assertEquals(oldPixels[y * 64 + x], grown.image().argb()[y * 96 + x], "band keeps old pixels");
                } else {
                    assertEquals(0, m, "old picture not masked at " + x + "," + y);
                    assertEquals(oldPixels[y * 64 + x], grown.image().argb()[y * 96 + x], "old pixel at " + x + "," + y);
                }
            }
        }
        Rect w = vm.outpaint().computeWindow();
        assertNotNull(w, "after an extension the context window is shown");
        assertEquals(new Rect(0, 0, 96, 48).contains(w), true);
        assertEquals(List.of("Extend canvas"), vm.historyNames());

        vm.undo();
        assertSame(old, vm.document(), "undo shows the old document");
        assertEquals(64, vm.document().width());
        assertEquals(48, vm.document().height());
        assertArrayEquals(oldPixels, vm.document().image().argb());
        assertArrayEquals(oldMask, vm.document().mask().values());
        vm.redo();
        assertSame(grown, vm.document(), "redo shows the grown one again");
        vm.jumpToHistory(0);
        assertSame(old, vm.document());
    }

    @Test
    void refusesZeroNegativeAndAbsurdSizes() {
        vm.setDocument(new Document(gradient(64, 48), null));
        Document doc = vm.document();
        assertFalse(vm.outpaint().extend(0, 0, 0, 0));
        assertTrue(vm.messageProperty().get().startsWith("Cannot extend"), vm.messageProperty().get());
        assertFalse(vm.outpaint().extend(-5, 0, 0, 0));
        assertTrue(vm.messageProperty().get().contains("negative"), vm.messageProperty().get());
        assertFalse(vm.outpaint().extend(0, 0, 60_000, 60_000));
        assertTrue(vm.messageProperty().get().contains("megapixels"), vm.messageProperty().get());
        assertFalse(vm.outpaint().extend(0, 0, 100_000, 0));
        assertTrue(vm.messageProperty().get().contains("allowed"), vm.messageProperty().get());
        assertSame(doc, vm.document());
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void generateAfterAnExtensionWorksOnTheWindowAndGoesThroughVariants() throws InterruptedException {
        vm.setDocument(new Document(gradient(640, 64), null));
        int[] before = vm.document().image().argb().clone();
        vm.outpaint().paddingProperty().set(0);
        extendAndWait(0, 0, 64, 0);
        Document grown = vm.document();
        vm.generate();
        assertTrue(vm.runningProperty().get(), vm.messageProperty().get());
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        assertEquals(1, vm.variants().size(), vm.messageProperty().get());
        PixelImage result = vm.variants().getFirst().image();
        assertEquals(704, result.width());
        Rect window = vm.outpaint().computeWindow();
        assertTrue(window.width() < 704, "the window is not the whole picture: " + window);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < window.x(); x++) {
                assertEquals(before[y * 640 + x], result.argb()[y * 704 + x], "outside the window untouched");
            }
        }
        assertTrue(vm.acceptShown());
        assertSame(grown, vm.document());
        assertEquals(List.of("Extend canvas", "Generate"), vm.historyNames());
    }

    @Test
    void panoramaOfThreeStepsGrowsByThreeStepsEachUndoable() throws InterruptedException {
        vm.setDocument(new Document(gradient(64, 48), null));
        assertTrue(vm.outpaint().panorama(Outsets.Side.RIGHT, 32, 3), vm.messageProperty().get());
        assertTrue(vm.runningProperty().get());
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        assertEquals(64 + 3 * 32, vm.document().width(), vm.messageProperty().get());
        assertEquals(48, vm.document().height());
        assertEquals(3, vm.historyNames().size(), vm.historyNames().toString());
        vm.undo();
        assertEquals(128, vm.document().width());
        vm.jumpToHistory(0);
        assertEquals(64, vm.document().width());
    }

    @Test
    void cancelKeepsFinishedSteps() throws InterruptedException {
        vm.setDocument(new Document(gradient(64, 48), null));
        vm.stepsProperty().set(6);
        // Many steps, so that the cancel arrives long before the end.
        assertTrue(vm.outpaint().panorama(Outsets.Side.LEFT, 16, 60), vm.messageProperty().get());
        ui.runUntil(() -> vm.historyNames().size() >= 2 || !vm.runningProperty().get(), WAIT);
        vm.cancel();
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        int finished = vm.historyNames().size();
        assertTrue(finished >= 2 && finished < 60, "finished steps: " + finished + " " + vm.messageProperty().get());
        assertEquals(64 + 16 * finished, vm.document().width());
        assertTrue(vm.messageProperty().get().contains("cancelled"), vm.messageProperty().get());
        vm.undo();
        assertEquals(64 + 16 * (finished - 1), vm.document().width(), "each step is one undoable edit");
    }
}
