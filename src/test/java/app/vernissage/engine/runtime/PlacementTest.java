package app.vernissage.engine.runtime;

import ai.onnxruntime.OrtException;
import app.vernissage.engine.modelset.ModelComponent;
import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.engine.testing.TestSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Placements, their presets, the sessions honouring them, and out-of-memory errors (simulated). */
class PlacementTest {
    static final ExecutionDevice GPU = new ExecutionDevice(true, 0, "fake CUDA device 0");

    @TempDir
    Path dir;

    @Test
    void presetsPutEachComponentWhereTheySay() {
        Placement text = PlacementPreset.TEXT_ON_CPU.on(GPU);
        assertFalse(text.onGpu(ModelComponent.TEXT_ENCODER));
        assertTrue(text.onGpu(ModelComponent.UNET));
        assertTrue(text.onGpu(ModelComponent.MOVQ_ENCODER));
        assertTrue(text.onGpu(ModelComponent.MOVQ_DECODER));
        assertEquals(PlacementPreset.TEXT_ON_CPU, text.preset());
        for (ModelComponent c : ModelComponent.values()) {
            assertTrue(PlacementPreset.ALL_GPU.on(GPU).onGpu(c));
            assertFalse(PlacementPreset.ALL_CPU.on(GPU).onGpu(c));
        }
        assertEquals(PlacementPreset.ALL_GPU, PlacementPreset.ALL_GPU.on(GPU).preset());
        assertEquals(PlacementPreset.ALL_CPU, PlacementPreset.ALL_CPU.on(GPU).preset());
        // Without CUDA every preset means the CPU.
        assertFalse(PlacementPreset.ALL_GPU.on(TestSets.CPU).usesGpu());
        assertTrue(text.describe().startsWith("text encoder: CPU, U-Net: CUDA:0"));
    }

    @Test
    void lighterPlacementsAndParsing() {
        assertEquals(PlacementPreset.TEXT_ON_CPU, PlacementPreset.ALL_GPU.lighter());
        assertEquals(PlacementPreset.ALL_CPU, PlacementPreset.TEXT_ON_CPU.lighter());
        assertNull(PlacementPreset.ALL_CPU.lighter());
        assertEquals(PlacementPreset.TEXT_ON_CPU, PlacementPreset.parse("text-cpu"));
        assertEquals(PlacementPreset.ALL_GPU, PlacementPreset.parse(" GPU "));
        assertEquals(PlacementPreset.ALL_CPU, PlacementPreset.parse("cpu"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlacementPreset.parse("tpu"));
        assertTrue(e.getMessage().contains("cpu, gpu or text-cpu"));
    }

    @Test
    void theOldConstructorMeansOneDeviceEverywhereAndStillRuns() throws Exception {
        TestSets.write(dir, SyntheticModelSet.Options.demo());
        ModelSet set = TestSets.open(dir);
        try (ModelSessions sessions = new ModelSessions(set, TestSets.CPU, MemoryMode.KEEP_LOADED)) {
            assertEquals(Placement.all(TestSets.CPU), sessions.placement());
            assertEquals(TestSets.CPU, sessions.device());
        }
        try (InpaintEngine engine = InpaintEngine.open(set, Placement.allCpu(), MemoryMode.PER_STAGE)) {
            assertEquals(Placement.allCpu(), engine.placement());
        }
    }

    @Test
    void outOfMemoryWhileLoadingNamesTheComponentAndTheLighterPlacement() {
        TestSets.write(dir, SyntheticModelSet.Options.demo());
        ModelSet set = TestSets.open(dir);
        List<String> asked = new ArrayList<>();
        ModelSessions.SessionFactory full = (env, file, device, options) -> {
            asked.add(Path.of(file).getFileName() + "@" + device.label());
            throw new OrtException("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Exception during initialization: "
                    + "/onnxruntime_src/onnxruntime/core/framework/bfc_arena.cc:376 void* onnxruntime::BFCArena::"
                    + "AllocateRawInternal(size_t, bool) Failed to allocate memory for requested buffer of size 6442450944");
        };
        try (ModelSessions sessions = new ModelSessions(set, PlacementPreset.ALL_GPU.on(GPU), MemoryMode.KEEP_LOADED, full)) {
            OutOfDeviceMemoryException e = assertThrows(OutOfDeviceMemoryException.class,
                    () -> sessions.load(ModelComponent.UNET));
            assertEquals(ModelComponent.UNET, e.component());
            assertEquals(PlacementPreset.TEXT_ON_CPU, e.lighter());
            assertEquals("The U-Net (unet.onnx) ran out of memory on CUDA:0; try the placement 'text encoder on the CPU, "
                    + "U-Net and MoVQ on the GPU' (--placement text-cpu)", e.getMessage());
            assertInstanceOf(EngineException.class, e);
            assertFalse(sessions.isLoaded(ModelComponent.UNET));
        }
        assertEquals(List.of("unet.onnx@CUDA:0"), asked);
    }

    @Test
    void runFailuresAreClassified() {
        TestSets.write(dir, SyntheticModelSet.Options.demo());
        ModelSet set = TestSets.open(dir);
        try (ModelSessions text = new ModelSessions(set, PlacementPreset.TEXT_ON_CPU.on(GPU), MemoryMode.PER_STAGE)) {
            EngineException unet = text.failure(ModelComponent.UNET, "failed on",
                    new OrtException("CUDA failure 2: out of memory ; GPU=0 ; expr=cudaMalloc"));
            assertEquals(PlacementPreset.ALL_CPU, assertInstanceOf(OutOfDeviceMemoryException.class, unet).lighter());
            // The CPU running out is not helped by moving work off the GPU.
            EngineException cpu = text.failure(ModelComponent.TEXT_ENCODER, "failed on",
                    new OrtException("Failed to allocate memory for requested buffer"));
            assertNull(assertInstanceOf(OutOfDeviceMemoryException.class, cpu).lighter());
            assertTrue(cpu.getMessage().contains("ran out of memory on CPU; close other programs"));
            EngineException other = text.failure(ModelComponent.UNET, "failed on", new OrtException("Invalid rank\nmore"));
            assertFalse(other instanceof OutOfDeviceMemoryException);
            assertEquals("The U-Net (unet.onnx) failed on CUDA:0: Invalid rank", other.getMessage());
        }
    }

    @Test
    void outOfMemoryMessages() {
        for (String m : List.of("Failed to allocate memory for requested buffer of size 123",
                "CUDA out of memory. Tried to allocate 2.00 GiB", "BFCArena::AllocateRawInternal",
                "CUDA error cudaErrorMemoryAllocation:out of memory", "CUBLAS_STATUS_ALLOC_FAILED",
                "Available memory of 0 is smaller than requested bytes of 1024")) {
            assertTrue(OutOfDeviceMemoryException.isOutOfMemory(m), m);
        }
        for (String m : List.of("Invalid rank for input: sample", "Load model from x failed: No such file", "")) {
            assertFalse(OutOfDeviceMemoryException.isOutOfMemory(m), m);
        }
        assertFalse(OutOfDeviceMemoryException.isOutOfMemory((String) null));
        assertTrue(OutOfDeviceMemoryException.isOutOfMemory(new RuntimeException("wrapper",
                new OrtExceptionHolder("CUDA out of memory"))));
    }

    private static final class OrtExceptionHolder extends Exception {
        OrtExceptionHolder(String message) {
            super(message);
        }
    }
}
