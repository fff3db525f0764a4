package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's logic without a window: a queue stands in for the FX thread. */
class EditorViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    @TempDir
    static Path shared;
    @AutoClose
    static ViewModelFixture fixture;
    static UiQueue ui;
    static EditorViewModel ready;

    /** Starts without a model set and installs the demo set the way the app's button does. */
    @BeforeAll
    static void installDemoSet() throws InterruptedException {
        fixture = ViewModelFixture.unchecked(shared.resolve("models"));
        ui = fixture.ui();
        ready = fixture.vm();
        assertEquals(ModelSetState.MISSING, fixture.checkModelSet(WAIT));
        ready.installDemoModelSet();
        ui.runUntil(() -> ready.modelSetStateProperty().get() != ModelSetState.CHECKING, WAIT);
        fixture.assertReady();
        assertFalse(ready.deviceTextProperty().get().isBlank());
    }

    private static PixelImage gradient(int w, int h) {
        return TestPictures.gradient(w, h, 2, 2);
    }

    private static Document maskedDocument() {
        Document doc = new Document(gradient(128, 96), null);
        MaskOperations.fill(doc, new PixelRect(40, 30, 40, 30), 255);
        return doc;
    }

    @Test
    void aBadFileLeavesTheDocumentAndSaysWhy(@TempDir Path dir) throws IOException {
        EditorViewModel vm = new EditorViewModel(Runnable::run, Runnable::run, dir.resolve("none"));
        Path good = dir.resolve("good.png");
        ImageFiles.write(gradient(20, 10), good, 1f);
        assertTrue(vm.open(good));
        Document opened = vm.document();
        assertEquals(20, opened.width());
        Path bad = Files.writeString(dir.resolve("bad.png"), "not a picture");
        vm.open(bad);
        assertFalse(vm.openingProperty().get());
        assertSame(opened, vm.document());
        assertTrue(vm.messageProperty().get().contains("bad.png"), vm.messageProperty().get());
    }

    @Test
    void strokesUndoAndRedoThroughTheViewModel(@TempDir Path dir) {
        EditorViewModel vm = new EditorViewModel(Runnable::run, Runnable::run, dir);
        vm.setDocument(new Document(gradient(100, 40), null));
        int[] changes = {0};
        vm.addChangeListener(c -> changes[0]++);
        vm.brushSizeProperty().set(9);
        vm.beginStroke(10, 10, false);
        vm.continueStroke(90, 10);
        vm.endStroke();
        assertTrue(changes[0] >= 2);
        assertTrue(vm.canUndoProperty().get());
        assertEquals(255, vm.document().mask().valueAt(50, 10));
        assertTrue(vm.hasUnsavedWork());
        vm.undo();
        assertTrue(vm.document().mask().isEmpty());
        assertTrue(vm.canRedoProperty().get());
        vm.redo();
        assertEquals(255, vm.document().mask().valueAt(50, 10));
        vm.invertMask();
        assertEquals(0, vm.document().mask().valueAt(50, 10));
    }

    @Test
    void generationShowsPreviewsAndTheResultIsOneUndoableEdit() throws InterruptedException {
        Document doc = maskedDocument();
        int[] original = doc.image().argb().clone();
        ready.setDocument(doc);
        ready.randomSeedProperty().set(false);
        ready.seedProperty().set(7);
        ready.stepsProperty().set(4);
        ready.promptProperty().set("red apple");
        ready.variantCountProperty().set(1);
        int previewsBefore = ready.previewsShownProperty().get();
        ready.generate();
        assertTrue(ready.runningProperty().get());
        assertEquals("7", ready.usedSeedProperty().get());
        ui.runUntil(() -> !ready.runningProperty().get(), WAIT);

        assertTrue(ready.previewsShownProperty().get() > previewsBefore, "no preview arrived");
        assertEquals(1, ready.variants().size(), ready.messageProperty().get());
        Variant result = ready.variants().getFirst();
        assertSame(result, ready.shownVariantProperty().get(), "the finished result is shown");
        assertSame(result.image(), ready.previewProperty().get());
        assertArrayEquals(original, doc.image().argb(), "nothing is applied before Accept");
        assertFalse(ready.canUndoProperty().get());
        assertTrue(ready.acceptShown());
        assertNull(ready.previewProperty().get());
        int[] now = doc.image().argb();
        assertArrayEquals(result.image().argb(), now);
        assertNotEquals(original[45 * 128 + 60], now[45 * 128 + 60], ready.messageProperty().get());
        assertEquals(original[2 * 128 + 2], now[2 * 128 + 2], "far outside the mask nothing changes");
        assertTrue(ready.canUndoProperty().get());
        ready.undo();
        assertArrayEquals(original, doc.image().argb());
        assertFalse(ready.history().canUndo());
    }

    @Test
    void cancellingMidRunLeavesTheDocumentExactlyAsBefore() throws InterruptedException {
        Document doc = maskedDocument();
        int[] image = doc.image().argb().clone();
        byte[] mask = doc.mask().values().clone();
        ready.setDocument(doc);
        ready.stepsProperty().set(200);
        ready.variantCountProperty().set(1);
        ready.randomSeedProperty().set(true);
        int previewsBefore = ready.previewsShownProperty().get();
        ready.generate();
        assertFalse(ready.usedSeedProperty().get().isBlank());
        ui.runUntil(() -> ready.previewsShownProperty().get() > previewsBefore || !ready.runningProperty().get(), WAIT);
        assertTrue(ready.runningProperty().get(), "the run ended before it could be cancelled");
        ready.cancel();
        ui.runUntil(() -> !ready.runningProperty().get(), WAIT);
        assertArrayEquals(image, doc.image().argb());
        assertArrayEquals(mask, doc.mask().values());
        assertFalse(ready.history().canUndo());
        assertNull(ready.previewProperty().get());
    }

    @Test
    void exportWritesThePictureAndClearsUnsavedWork(@TempDir Path dir) throws Exception {
        EditorViewModel vm = new EditorViewModel(Runnable::run, Runnable::run, dir.resolve("none"));
        vm.setDocument(new Document(gradient(30, 20), null));
        vm.invertMask();
        assertTrue(vm.hasUnsavedWork());
        Path out = dir.resolve("out.png");
        assertTrue(vm.export(out));
        assertFalse(vm.hasUnsavedWork());
        assertArrayEquals(vm.document().image().argb(),
                ImageFiles.read(out, app.vernissage.core.image.ImageLimits.DEFAULT).argb());
        assertTrue(vm.export(dir.resolve("out.jpg")));
        assertFalse(vm.export(dir.resolve("out.gif")));
        assertTrue(vm.messageProperty().get().contains("out.gif"));
    }

    @Test
    void generateWithoutMaskOrModelSetOnlySaysWhy(@TempDir Path dir) {
        EditorViewModel vm = new EditorViewModel(Runnable::run, Runnable::run, dir.resolve("none"));
        vm.setDocument(maskedDocument());
        vm.generate();
        assertFalse(vm.runningProperty().get());
        assertFalse(vm.messageProperty().get().isBlank());
    }
}
