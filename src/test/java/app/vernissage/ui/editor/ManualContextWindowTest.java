package app.vernissage.ui.editor;

import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.selection.MaskShapes;
import app.vernissage.core.selection.SelectionMode;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.core.window.ManualWindow.Handle;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The context window moved and resized by hand, without a window: clamps, mask cover, Generate, reset. */
class ManualContextWindowTest {
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
        vm.outpaint().overlapProperty().set(32);
        vm.outpaint().paddingProperty().set(128);
        vm.outpaint().fillProperty().set(OutpaintController.Fill.BLUR);
    }

    private static void runUntil(java.util.function.BooleanSupplier done) {
        try {
            ui.runUntil(done, WAIT);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Opens a gradient, extends it to the right and waits until the window is shown. */
    private static void openExtended(int width, int height, int right) {
        vm.setDocument(new Document(OutpaintControllerTest.gradient(width, height), null));
        assertTrue(vm.outpaint().extend(0, 0, right, 0), vm.messageProperty().get());
        runUntil(() -> !vm.outpaint().extendingProperty().get() && vm.outpaint().windowProperty().get() != null);
    }

    /** Replaces the mask by one rectangle (as the rectangle tool does) and waits for the window to follow. */
    private static void maskOnly(PixelRect rect) {
        assertTrue(vm.applyMaskEdit(d -> MaskShapes.rectangle(d, d.bounds(), SelectionMode.SUBTRACT)));
        assertTrue(vm.applyMaskEdit(d -> MaskShapes.rectangle(d, rect, SelectionMode.ADD)));
        Rect r = new Rect(rect.x(), rect.y(), rect.width(), rect.height());
        runUntil(() -> vm.outpaint().windowProperty().get() != null && vm.outpaint().windowProperty().get().contains(r));
    }

    private static Rect window() {
        return vm.outpaint().windowProperty().get();
    }

    @Test
    void movingAndResizingStayInTheDocumentAndOverTheMaskAndResetGoesBackToAutomatic() {
        openExtended(1024, 256, 64);
        maskOnly(new PixelRect(600, 100, 40, 40));
        // Automatic: the mask + 128 px, 296 x 256, grown to 320 x 256 about its centre.
        Rect automatic = new Rect(460, 0, 320, 256);
        assertEquals(automatic, window());
        assertFalse(vm.outpaint().manualWindowProperty().get());
        ContextWindow start = vm.outpaint().shownWindow();

        vm.outpaint().moveWindow(start, -2000, 0);
        assertEquals(new Rect(320, 0, 320, 256), window(), "stopped where its right edge meets the mask's (640)");
        assertTrue(vm.outpaint().manualWindowProperty().get());
        vm.outpaint().moveWindow(start, 2000, 500);
        assertEquals(new Rect(600, 0, 320, 256), window(), "stopped where its left edge meets the mask's (600)");

        vm.outpaint().resizeWindow(start, Handle.RIGHT, -1000, 0);
        assertEquals(new Rect(460, 0, 192, 256), window(), "the right edge stops at the mask (640), snapped to 192");
        vm.outpaint().resizeWindow(start, Handle.TOP_LEFT, -1000, -1000);
        assertEquals(new Rect(0, 0, 832, 256), window(), "stopped at the document's corner; the right edge stays near 780");
        vm.outpaint().resizeWindow(start, Handle.BOTTOM, 0, 5000);
        assertEquals(256, window().bottom(), "not below the document");
        assertTrue(new Rect(0, 0, 1088, 256).contains(window()));

        vm.outpaint().resetWindow();
        assertFalse(vm.outpaint().manualWindowProperty().get());
        assertEquals(automatic, window());
        assertTrue(vm.messageProperty().get().contains("automatic"), vm.messageProperty().get());
    }

    @Test
    void aManualWindowGrowsWhenTheMaskLeavesItAndIsDroppedWithTheDocument() {
        openExtended(1024, 256, 64);
        maskOnly(new PixelRect(600, 100, 40, 40));
        vm.outpaint().moveWindow(vm.outpaint().shownWindow(), 2000, 0);
        assertEquals(new Rect(600, 0, 320, 256), window());

        // Painting a mask to the right of it: the window grows to the right, its left edge stays.
        assertTrue(vm.applyMaskEdit(d -> MaskShapes.rectangle(d, new PixelRect(1000, 10, 30, 30), SelectionMode.ADD)));
        runUntil(() -> window().right() >= 1030);
        assertEquals(new Rect(600, 0, 448, 256), window());
        assertTrue(vm.outpaint().manualWindowProperty().get(), "still the user's window");

        // Undoing the extension shows the old document: its own automatic window again.
        vm.jumpToHistory(0);
        assertFalse(vm.outpaint().manualWindowProperty().get());
    }

    @Test
    void generateRunsOnTheManualWindowAndAfterResetOnTheAutomaticOne() {
        openExtended(1024, 64, 64);
        vm.outpaint().paddingProperty().set(0);
        runUntil(() -> new Rect(960, 0, 128, 64).equals(window()));
        int[] before = vm.document().image().argb().clone();
        // Mask: x 992..1087. Pull the left edge 400 px out: 528 px, snapped to 576, the right edge stays.
        vm.outpaint().resizeWindow(vm.outpaint().shownWindow(), Handle.LEFT, -400, 0);
        Rect manual = new Rect(512, 0, 576, 64);
        assertEquals(manual, window());

        vm.generate();
        assertTrue(vm.runningProperty().get(), vm.messageProperty().get());
        vm.outpaint().moveWindow(vm.outpaint().shownWindow(), -50, 0);
        assertEquals(manual, window(), "the window does not change while a generation runs");
        runUntil(() -> !vm.runningProperty().get());
        assertEquals(1, vm.variants().size(), vm.messageProperty().get());
        ContextWindow used = vm.outpaint().lastUsedWindow();
        assertNotNull(used);
        assertEquals(manual, used.region(), "the model worked on the user's window");
        assertEquals(576, used.workWidth());
        PixelImage onManual = vm.variants().getFirst().image();
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 992; x++) {
                assertEquals(before[y * 1088 + x], onManual.argb()[y * 1088 + x], "unmasked pixel (" + x + "," + y + ")");
            }
        }

        vm.outpaint().resetWindow();
        vm.generate();
        runUntil(() -> !vm.runningProperty().get());
        assertEquals(2, vm.variants().size(), vm.messageProperty().get());
        assertEquals(new Rect(960, 0, 128, 64), vm.outpaint().lastUsedWindow().region(), "the automatic window again");
        PixelImage onAutomatic = vm.variants().getLast().image();
        int differ = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 992; x < 1088; x++) {
                if (onManual.argb()[y * 1088 + x] != onAutomatic.argb()[y * 1088 + x]) {
                    differ++;
                }
            }
        }
        assertNotEquals(0, differ, "same seed, other window: other pixels in the mask");
    }
}
