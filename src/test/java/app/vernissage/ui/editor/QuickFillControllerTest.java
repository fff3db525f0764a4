package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.PixelImage;
import app.vernissage.fill.ClassicalFill;
import app.vernissage.ui.Messages;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mask > Quick fill without a window, on a fresh install: no model set anywhere. */
class QuickFillControllerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int FLAT = 0xFF3C78B4;
    private static final int BLOT = 0xFFFF0000;
    @TempDir
    static Path shared;
    @AutoClose
    static ViewModelFixture fixture;
    static UiQueue ui;
    static EditorViewModel vm;

    @BeforeAll
    static void start() throws Exception {
        fixture = ViewModelFixture.unchecked(shared.resolve("no-model-set-here"));
        ui = fixture.ui();
        vm = fixture.vm();
        assertEquals(ModelSetState.MISSING, fixture.checkModelSet(WAIT), "a fresh install has no model set");
    }

    @BeforeEach
    void defaults() {
        vm.quickFill().setLoader(ClassicalFill::load);
        vm.quickFill().methodProperty().set(ClassicalFill.Method.TELEA);
        vm.quickFill().radiusProperty().set(QuickFillController.DEFAULT_RADIUS);
    }

    /** A flat picture with a red blot at [30, 50) x [20, 35), masked with a margin. */
    static Document blotted() {
        PixelImage image = PixelImage.filled(96, 64, FLAT);
        for (int y = 20; y < 35; y++) {
            for (int x = 30; x < 50; x++) {
                image.argb()[y * 96 + x] = BLOT;
            }
        }
        Document doc = new Document(image, null);
        MaskOperations.fill(doc, new PixelRect(27, 17, 26, 21), 255);
        return doc;
    }

    private static void fillAndWait() throws InterruptedException {
        assertTrue(vm.quickFill().fill(), vm.messageProperty().get());
        assertTrue(vm.runningProperty().get(), "the fill runs in the background");
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
    }

    @ParameterizedTest
    @EnumSource(ClassicalFill.Method.class)
    void fillsTheHoleWithTheSurroundingColourAndOneUndoRestoresExactly(ClassicalFill.Method method) throws Exception {
        Document doc = blotted();
        vm.setDocument(doc);
        int[] before = doc.image().argb().clone();
        byte[] mask = doc.mask().values().clone();
        vm.quickFill().methodProperty().set(method);

        fillAndWait();
        assertEquals(List.of(Messages.get("edit.quickFill")), vm.historyNames(), vm.messageProperty().get());
        int[] after = doc.image().argb();
        for (int i = 0; i < after.length; i++) {
            if (mask[i] == 0) {
                assertEquals(before[i], after[i], "outside the mask at " + i);
            } else {
                // Telea's gradient term drifts a few levels even on a flat surround (measured: at most 3).
                assertNear(FLAT, after[i], 4, "the filled pixel at " + (i % 96) + "," + (i / 96));
            }
        }
        assertArrayEquals(mask, doc.mask().values(), "the mask stays for a Generate on top");
        assertTrue(doc.isDirty());

        vm.undo();
        assertArrayEquals(before, doc.image().argb(), "one undo gives the picture back bit for bit");
        assertFalse(vm.canUndoProperty().get());
        vm.redo();
        assertNear(FLAT, doc.image().argbAt(40, 27), 4, "redo fills again");
    }

    @Test
    void partlyMaskedPixelsBlendAndTheRadiusIsUsed() throws Exception {
        Document doc = blotted();
        // A black pixel under a half-set mask: half of it stays, half becomes the fill (about FLAT).
        doc.image().argb()[30 * 96 + 28] = 0xFF000000;
        doc.mask().values()[30 * 96 + 28] = (byte) 128;
        vm.setDocument(doc);
        vm.quickFill().radiusProperty().set(12);
        fillAndWait();
        assertNear(0xFF1E3C5A, doc.image().argbAt(28, 30), 3, "black blended half-way to the fill");
        assertNotEquals(BLOT, doc.image().argbAt(40, 27));
        assertTrue(vm.messageProperty().get().contains("12"), vm.messageProperty().get());
    }

    @Test
    void anEmptyMaskSaysSoAndChangesNothing() {
        Document doc = new Document(PixelImage.filled(40, 30, FLAT), null);
        vm.setDocument(doc);
        assertFalse(vm.quickFill().fill());
        assertEquals(Messages.get("quickFill.emptyMask"), vm.messageProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.historyNames().isEmpty(), "no history entry");
        assertFalse(doc.isDirty());
    }

    @Test
    void withoutOpenCvTheDocumentIsUntouchedAndTheMessageSaysWhy() throws Exception {
        Document doc = blotted();
        vm.setDocument(doc);
        int[] before = doc.image().argb().clone();
        vm.quickFill().setLoader(() -> {
            throw new IllegalStateException("OpenCV's native library could not be loaded",
                    new UnsatisfiedLinkError("no opencv_java490 in java.library.path"));
        });
        fillAndWait();
        assertTrue(vm.messageProperty().get().contains("OpenCV"), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains("no opencv_java490"), vm.messageProperty().get());
        assertArrayEquals(before, doc.image().argb());
        assertTrue(vm.historyNames().isEmpty());
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void cancelDropsTheResult() throws Exception {
        Document doc = blotted();
        vm.setDocument(doc);
        int[] before = doc.image().argb().clone();
        assertTrue(vm.quickFill().fill());
        vm.cancel();
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        assertEquals(Messages.get("quickFill.cancelled"), vm.messageProperty().get());
        assertArrayEquals(before, doc.image().argb());
        assertTrue(vm.historyNames().isEmpty());
    }

    @Test
    void theMethodAndRadiusAreRemembered() throws Exception {
        MemoryPreferences prefs = new MemoryPreferences();
        EditorViewModel first = new EditorViewModel(Runnable::run, Runnable::run, shared.resolve("none"), prefs);
        first.quickFill().methodProperty().set(ClassicalFill.Method.NAVIER_STOKES);
        first.quickFill().radiusProperty().set(9);
        EditorViewModel next = new EditorViewModel(Runnable::run, Runnable::run, shared.resolve("none"), prefs);
        assertEquals(ClassicalFill.Method.NAVIER_STOKES, next.quickFill().methodProperty().get());
        assertEquals(9, next.quickFill().radiusProperty().get());
        EditorViewModel fresh = new EditorViewModel(Runnable::run, Runnable::run, shared.resolve("none"), new MemoryPreferences());
        assertEquals(ClassicalFill.Method.TELEA, fresh.quickFill().methodProperty().get());
        assertEquals(QuickFillController.DEFAULT_RADIUS, fresh.quickFill().radiusProperty().get());
    }

    static void assertNear(int expected, int actual, int tolerance, String what) {
        for (int shift = 0; shift <= 24; shift += 8) {
            int e = (expected >>> shift) & 0xFF;
            int a = (actual >>> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= tolerance, what + ": expected about " + Integer.toHexString(expected)
                    + ", got " + Integer.toHexString(actual));
        }
    }
}
