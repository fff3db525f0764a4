package app.vernissage.ui.models;

import app.vernissage.engine.runtime.CudaDiagnostics;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.PlacementPreset;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The models page's state without a window (checks run inline). */
class ModelsPageModelTest {
    @TempDir
    Path dir;
    final List<PlacementSettings> applied = new ArrayList<>();

    private ModelsPageModel model(OptionalLong gpu) {
        return new ModelsPageModel(Runnable::run, Runnable::run, dir, PlacementSettings.DEFAULT, () -> gpu,
                () -> CudaDiagnostics.check(dir.resolve("no-root"), Map.of(), "Linux", () -> ""), applied::add);
    }

    @Test
    void demoSetRowsAdviceEstimateAndApply() throws Exception {
        SyntheticModelSet.write(dir, SyntheticModelSet.Options.demo());
        ModelsPageModel m = model(OptionalLong.of(8192L << 20));
        m.refresh();
        assertFalse(m.checkingProperty().get());
        assertTrue(m.usableProperty().get(), m.summaryProperty().get());
        List<String> files = m.rows().stream().map(ModelsPageModel.Row::file).toList();
        assertTrue(files.containsAll(List.of("text_encoder.onnx", "unet.onnx", "movq_encoder.onnx", "movq_decoder.onnx")), files.toString());
        ModelsPageModel.Row unet = m.rows().stream().filter(r -> r.file().equals("unet.onnx")).findFirst().orElseThrow();
        assertTrue(unet.found() && unet.ok());
        assertTrue(unet.precision().startsWith("float"), unet.toString());
        assertTrue(unet.size().endsWith("kB") || unet.size().endsWith("MB"), unet.toString());
        // The tiny demo set fits any GPU.
        assertEquals(PlacementPreset.ALL_GPU, m.adviceProperty().get().preset());
        assertTrue(m.adviceTextProperty().get().contains(m.adviceProperty().get().explanation()));
        assertEquals(4, m.cudaLines().size());
        assertTrue(m.cudaLines().getFirst().startsWith("MISSING  NVIDIA driver"), m.cudaLines().toString());

        String gpuEstimate = m.estimateTextProperty().get();
        assertTrue(gpuEstimate.contains("1024x1024"), gpuEstimate);
        m.presetProperty().set(PlacementPreset.ALL_CPU);
        assertNotEquals(gpuEstimate, m.estimateTextProperty().get(), "the estimate follows the choice");
        assertTrue(m.estimateTextProperty().get().contains("GPU 0 MB"), m.estimateTextProperty().get());
        m.modeProperty().set(MemoryMode.PER_STAGE);
        m.apply();
        assertEquals(List.of(new PlacementSettings(PlacementPreset.ALL_CPU, MemoryMode.PER_STAGE)), applied);
        m.useSuggestion();
        assertEquals(PlacementPreset.ALL_GPU, m.presetProperty().get());
    }

    @Test
    void missingFilesShowAsNotFound() throws Exception {
        SyntheticModelSet.write(dir, SyntheticModelSet.Options.demo());
        Files.delete(dir.resolve("movq_decoder.onnx"));
        ModelsPageModel m = model(OptionalLong.empty());
        m.refresh();
        assertFalse(m.usableProperty().get());
        ModelsPageModel.Row decoder = m.rows().stream().filter(r -> r.file().equals("movq_decoder.onnx")).findFirst().orElseThrow();
        assertFalse(decoder.found());
        assertFalse(decoder.ok());
        assertEquals("", decoder.size());
        assertEquals(PlacementPreset.ALL_CPU, m.adviceProperty().get().preset(), "no GPU: the CPU is suggested");
    }
}
