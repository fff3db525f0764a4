package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.pipeline.SamplerKind;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Variants, strength, sampler, text-to-image, the model set chooser and opening, without a window. */
class GenerationViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    static Path shared;
    static Path models;
    @AutoClose
    static ViewModelFixture fixture;
    static UiQueue ui;
    static EditorViewModel vm;

    @BeforeAll
    static void start() throws Exception {
        models = shared.resolve("models");
        fixture = ViewModelFixture.withDemoSet(models, WAIT);
        ui = fixture.ui();
        vm = fixture.vm();
    }

    @BeforeEach
    void defaults() {
        vm.discardVariants();
        vm.strengthProperty().set(1);
        vm.samplerProperty().set(SamplerKind.REFERENCE);
        vm.variantCountProperty().set(1);
        vm.randomSeedProperty().set(false);
        vm.seedProperty().set(11);
        vm.stepsProperty().set(3);
        vm.promptProperty().set("a red apple");
    }

    private static PixelImage gradient(int w, int h) {
        return TestPictures.gradient(w, h, 3, 3);
    }

    private static Document maskedDocument() {
        Document doc = new Document(gradient(64, 64), null);
        MaskOperations.fill(doc, new PixelRect(16, 16, 32, 32), 255);
        return doc;
    }

    private static void runToEnd() throws InterruptedException {
        vm.generate();
        assertTrue(vm.runningProperty().get(), vm.messageProperty().get());
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
    }

    @Test
    void threeVariantsWithConsecutiveSeedsShowAcceptAsOneUndoStepAndDiscard() throws InterruptedException {
        Document doc = maskedDocument();
        int[] original = doc.image().argb().clone();
        vm.setDocument(doc);
        vm.variantCountProperty().set(3);
        runToEnd();

        List<Variant> variants = List.copyOf(vm.variants());
        assertEquals(3, variants.size(), vm.messageProperty().get());
        assertEquals(List.of(11L, 12L, 13L), variants.stream().map(Variant::seed).toList());
        assertFalse(java.util.Arrays.equals(variants.get(0).image().argb(), variants.get(1).image().argb()),
                "different seeds give different results");
        assertArrayEquals(original, doc.image().argb(), "nothing is applied before Accept");
        assertFalse(vm.canUndoProperty().get());

        vm.show(variants.get(1));
        assertSame(variants.get(1), vm.shownVariantProperty().get());
        assertSame(variants.get(1).image(), vm.previewProperty().get(), "the canvas shows it in place");
        assertArrayEquals(original, doc.image().argb(), "showing a variant leaves the document alone");

        assertTrue(vm.acceptShown());
        assertArrayEquals(variants.get(1).image().argb(), doc.image().argb());
        assertEquals(1, vm.history().undoCount(), "accepting is one undo step");
        java.nio.file.Path exported = shared.resolve("accepted.png");
        assertTrue(vm.export(exported));
        try {
            java.util.Map<String, String> text = app.vernissage.core.image.ImageFiles.readText(exported);
            assertTrue(text.get("vernissage:settings").contains("seed=12"), "the PNG carries the settings: " + text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertNull(vm.previewProperty().get());
        assertEquals(3, vm.variants().size(), "the variants stay after Accept");
        vm.undo();
        assertArrayEquals(original, doc.image().argb(), "undo restores the picture exactly");
        assertFalse(vm.canUndoProperty().get());

        vm.show(variants.get(2));
        vm.useSeed(vm.shownVariantProperty().get());
        assertFalse(vm.randomSeedProperty().get());
        assertEquals(13, vm.seedProperty().get());

        vm.discardVariants();
        assertTrue(vm.variants().isEmpty());
        assertNull(vm.previewProperty().get());
        assertNull(vm.shownVariantProperty().get());
        assertArrayEquals(original, doc.image().argb());
    }

    @Test
    void cancellingTheQueueKeepsTheFinishedVariants() throws InterruptedException {
        Document doc = maskedDocument();
        int[] original = doc.image().argb().clone();
        vm.setDocument(doc);
        vm.variantCountProperty().set(4);
        vm.stepsProperty().set(150);
        vm.generate();
        ui.runUntil(() -> !vm.variants().isEmpty() || !vm.runningProperty().get(), WAIT);
        assertTrue(vm.runningProperty().get(), "the queue ended before it could be cancelled");
        vm.cancel();
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        int kept = vm.variants().size();
        assertTrue(kept >= 1 && kept < 4, "kept " + kept);
        assertSame(vm.variants().getFirst(), vm.shownVariantProperty().get());
        assertArrayEquals(original, doc.image().argb());
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void strengthScalesTheStepsAndTheSamplerReachesTheRequest() throws InterruptedException {
        vm.setDocument(maskedDocument());
        vm.stepsProperty().set(8);
        runToEnd();
        assertEquals(8, vm.stepTotalProperty().get());
        Variant full = vm.variants().getLast();

        vm.strengthProperty().set(0.5);
        runToEnd();
        assertEquals(4, vm.stepTotalProperty().get(), "strength 0.5 runs half the steps");
        Variant half = vm.variants().getLast();
        assertFalse(java.util.Arrays.equals(full.image().argb(), half.image().argb()));

        vm.strengthProperty().set(1);
        vm.samplerProperty().set(SamplerKind.DDPM);
        runToEnd();
        Variant ddpm = vm.variants().getLast();
        assertEquals(11, ddpm.seed());
        assertFalse(java.util.Arrays.equals(full.image().argb(), ddpm.image().argb()),
                "the same seed with the other sampler gives another result");
    }

    @Test
    void aNewCanvasIsGreyFullyMaskedAndGeneratedFromThePrompt() throws InterruptedException {
        assertFalse(vm.newCanvas(100, 64), "not a multiple of 8");
        assertFalse(vm.newCanvas(4096, 4096), "over the pixel limit");
        assertTrue(vm.messageProperty().get().contains("4096"), vm.messageProperty().get());
        assertTrue(vm.newCanvas(72, 64), vm.messageProperty().get());
        Document doc = vm.document();
        assertEquals(72, doc.width());
        assertEquals(64, doc.height());
        for (byte b : doc.mask().values()) {
            assertEquals(255, b & 0xFF);
        }
        for (int p : doc.image().argb()) {
            assertEquals(EditorViewModel.CANVAS_GREY, p);
        }
        runToEnd();
        Variant made = vm.variants().getFirst();
        int grey = 0;
        for (int p : made.image().argb()) {
            grey += p == EditorViewModel.CANVAS_GREY ? 1 : 0;
        }
        assertTrue(grey < made.image().argb().length / 10, "the prompt filled the canvas, grey left: " + grey);
        assertTrue(vm.acceptShown());
        assertArrayEquals(made.image().argb(), doc.image().argb());
        assertTrue(vm.newCanvas(EditorViewModel.MIN_CANVAS_SIDE, 1024));
        assertTrue(vm.variants().isEmpty(), "a new picture drops the variants");
        assertTrue(vm.newCanvas(1024, 1024), "the default size is allowed");
    }

    @Test
    void theChosenModelSetIsRememberedAndABadFolderIsRefused(@TempDir Path dir) throws Exception {
        Preferences prefs = new MemoryPreferences().node("app/vernissage");
        EditorViewModel first = EditorViewModel.withPreferences(fixture.background(), ui, prefs);
        assertEquals(app.vernissage.engine.modelset.ModelSetLocations.defaultSet(), first.modelSetDir(),
                "nothing remembered: the default folder");

        Path bad = Files.createDirectories(dir.resolve("empty"));
        first.chooseModelSet(bad);
        ui.runUntil(() -> first.messageProperty().get().contains("empty") && !first.messageProperty().get()
                .equals(app.vernissage.ui.Messages.get("modelSet.checking", bad)), WAIT);
        assertNotEquals(bad, first.modelSetDir());
        assertNull(prefs.get(EditorViewModel.PREF_MODEL_SET_DIR, null), "a refused folder is not remembered");

        first.chooseModelSet(models);
        ui.runUntil(() -> models.equals(first.modelSetDir()), WAIT);
        assertEquals(ModelSetState.READY, first.modelSetStateProperty().get());
        assertEquals(models.toAbsolutePath().toString(), prefs.get(EditorViewModel.PREF_MODEL_SET_DIR, null));
        first.close();

        EditorViewModel second = EditorViewModel.withPreferences(fixture.background(), ui, prefs);
        assertEquals(models.toAbsolutePath(), second.modelSetDir(), "read back at start");
        second.close();
    }

    @Test
    void openingReadsOffTheUiThreadAndAFailureKeepsTheDocument(@TempDir Path dir) throws IOException, InterruptedException {
        EditorViewModel local = new EditorViewModel(fixture.background(), ui, dir.resolve("none"));
        Path good = dir.resolve("good.png");
        ImageFiles.write(gradient(30, 20), good, 1f);
        assertTrue(local.open(good));
        assertTrue(local.openingProperty().get());
        assertNull(local.document(), "nothing is decoded on the calling thread");
        assertTrue(local.messageProperty().get().contains("good.png"));
        ui.runUntil(() -> !local.openingProperty().get(), WAIT);
        Document opened = local.document();
        assertEquals(30, opened.width());

        local.open(Files.writeString(dir.resolve("bad.png"), "not a picture"));
        ui.runUntil(() -> !local.openingProperty().get(), WAIT);
        assertSame(opened, local.document());
        assertTrue(local.messageProperty().get().contains("bad.png"), local.messageProperty().get());
    }
}
