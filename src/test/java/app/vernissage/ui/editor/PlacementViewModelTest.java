package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.modelset.ModelComponent;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.runtime.ExecutionDevice;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.OutOfDeviceMemoryException;
import app.vernissage.engine.runtime.PlacementPreset;
import app.vernissage.ui.models.PlacementSettings;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The placement the editor generates with, stored in preferences, and retrying after running out of memory. */
class PlacementViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ExecutionDevice FAKE_GPU = new ExecutionDevice(true, 0, "fake CUDA device 0");
    @TempDir
    Path models;
    @AutoClose
    private ViewModelFixture fixture;
    private EditorViewModel vm;

    /** A view-model on the demo set written straight into the temporary folder, with its settings in {@code prefs}. */
    private UiQueue start(MemoryPreferences prefs) throws Exception {
        fixture = ViewModelFixture.withDemoSet(models, prefs, WAIT);
        vm = fixture.vm();
        return fixture.ui();
    }

    private static Document maskedDocument() {
        int[] px = new int[64 * 64];
        java.util.Arrays.fill(px, 0xFF336699);
        Document doc = new Document(new PixelImage(64, 64, px, false), null);
        MaskOperations.fill(doc, new PixelRect(16, 16, 32, 32), 255);
        return doc;
    }

    @Test
    void placementIsReadFromAndStoredInPreferences() throws Exception {
        MemoryPreferences prefs = new MemoryPreferences();
        prefs.put(PlacementSettings.KEY_PLACEMENT, "text-cpu");
        prefs.put(PlacementSettings.KEY_MEMORY_MODE, "PER_STAGE");
        start(prefs);
        assertEquals(new PlacementSettings(PlacementPreset.TEXT_ON_CPU, MemoryMode.PER_STAGE), vm.placementProperty().get());
        vm.applyPlacement(new PlacementSettings(PlacementPreset.ALL_CPU, MemoryMode.KEEP_LOADED));
        assertEquals("cpu", prefs.get("placement", null));
        assertEquals("KEEP_LOADED", prefs.get("memoryMode", null));
        assertEquals(PlacementSettings.DEFAULT, PlacementSettings.load(null));
        prefs.put(PlacementSettings.KEY_PLACEMENT, "nonsense");
        assertEquals(PlacementSettings.DEFAULT, PlacementSettings.load(prefs));
    }

    @Test
    void theNextGenerationUsesTheAppliedPlacement() throws Exception {
        UiQueue ui = start(new MemoryPreferences());
        List<PlacementSettings> opened = new ArrayList<>();
        vm.engineCache().openWith((set, settings) -> {
            opened.add(settings);
            return InpaintEngine.open(set, settings.preset().on(EngineCache.device()), settings.mode());
        });
        vm.setDocument(maskedDocument());
        vm.stepsProperty().set(2);
        vm.generate();
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        vm.applyPlacement(new PlacementSettings(PlacementPreset.ALL_CPU, MemoryMode.PER_STAGE));
        vm.generate();
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        assertEquals(List.of(PlacementSettings.DEFAULT, new PlacementSettings(PlacementPreset.ALL_CPU, MemoryMode.PER_STAGE)),
                opened, "the engine is re-created for the new placement, without restarting");
        assertEquals(2, vm.variants().size(), vm.messageProperty().get());
    }

    @Test
    void outOfMemoryKeepsTheDocumentAndOffersTheLighterPlacement() throws Exception {
        MemoryPreferences prefs = new MemoryPreferences();
        UiQueue ui = start(prefs);
        List<PlacementSettings> opened = new ArrayList<>();
        vm.engineCache().openWith((set, settings) -> {
            opened.add(settings);
            if (settings.preset() == PlacementPreset.ALL_GPU) {
                throw new OutOfDeviceMemoryException(ModelComponent.TEXT_ENCODER, FAKE_GPU, PlacementPreset.ALL_GPU,
                        new RuntimeException("Failed to allocate memory for requested buffer of size 17440000000"));
            }
            return InpaintEngine.open(set, settings.preset().on(EngineCache.device()), settings.mode());
        });
        Document doc = maskedDocument();
        int[] original = doc.image().argb().clone();
        vm.setDocument(doc);
        vm.stepsProperty().set(2);
        vm.generate();
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        assertEquals(PlacementPreset.TEXT_ON_CPU, vm.retryPlacementProperty().get());
        assertTrue(vm.messageProperty().get().contains("text encoder (text_encoder.onnx) ran out of memory on CUDA:0"),
                vm.messageProperty().get());
        assertArrayEquals(original, doc.image().argb(), "the document is untouched");
        assertTrue(vm.variants().isEmpty());
        assertFalse(vm.canUndoProperty().get());

        vm.retryWithLighterPlacement();
        assertTrue(vm.runningProperty().get(), vm.messageProperty().get());
        assertNull(vm.retryPlacementProperty().get());
        ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
        assertEquals(1, vm.variants().size(), vm.messageProperty().get());
        assertEquals(PlacementPreset.TEXT_ON_CPU, opened.getLast().preset());
        assertEquals(PlacementPreset.TEXT_ON_CPU, vm.placementProperty().get().preset());
        assertEquals("text-cpu", prefs.get("placement", null), "the lighter placement is remembered");
        assertArrayEquals(original, doc.image().argb(), "still nothing applied before Accept");
    }
}
