package app.vernissage.engine.runtime;

import app.vernissage.engine.modelset.ModelComponent;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.engine.testing.TestSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Estimates and the advisor's choice for the real model's sizes (docs/benchmarks.md) and the demo set. */
class PlacementAdvisorTest {
    /** Kandinsky 3: fp16 text encoder and U-Net, fp32 MoVQ. */
    static final ModelFootprint KANDINSKY = new ModelFootprint(
            Map.of(ModelComponent.TEXT_ENCODER, 17_440_000_000L, ModelComponent.UNET, 6_080_000_000L,
                    ModelComponent.MOVQ_ENCODER, 436_000_000L, ModelComponent.MOVQ_DECODER, 644_000_000L),
            Map.of(ModelComponent.TEXT_ENCODER, 2, ModelComponent.UNET, 2,
                    ModelComponent.MOVQ_ENCODER, 4, ModelComponent.MOVQ_DECODER, 4));

    static OptionalLong mib(long mib) {
        return OptionalLong.of(mib * 1024 * 1024);
    }

    @Test
    void estimatesFollowTheDocumentedFigures() {
        int side = 1024;
        // U-Net at 1024x1024: 1.6 GB attention + 0.5 GB feature maps (docs/benchmarks.md).
        assertEquals(2.11e9, MemoryEstimate.activation(ModelComponent.UNET, 2, side, side), 0.02e9);
        assertEquals(3.22e9, MemoryEstimate.activation(ModelComponent.MOVQ_ENCODER, 4, side, side), 0.02e9);
        assertEquals(4.29e9, MemoryEstimate.activation(ModelComponent.MOVQ_DECODER, 4, side, side), 0.02e9);
        MemoryEstimate stage = PlacementAdvisor.estimate(KANDINSKY, PlacementPreset.TEXT_ON_CPU, MemoryMode.PER_STAGE, side, side);
        // U-Net stage: 6.1 weights + 2.1 activations + 1 workspace.
        assertEquals(9.2e9, stage.gpuBytes(), 0.05e9);
        assertEquals(17.46e9, stage.cpuBytes(), 0.05e9);
        MemoryEstimate keep = PlacementAdvisor.estimate(KANDINSKY, PlacementPreset.TEXT_ON_CPU, MemoryMode.KEEP_LOADED, side, side);
        assertEquals(6.08e9 + 0.436e9 + 0.644e9 + 4.29e9 + 1e9, keep.gpuBytes(), 0.05e9);
        MemoryEstimate cpu = PlacementAdvisor.estimate(KANDINSKY, PlacementPreset.ALL_CPU, MemoryMode.PER_STAGE, side, side);
        assertEquals(0, cpu.gpuBytes());
        assertEquals("GPU 0 MB, CPU 17.5 GB at 1024x1024 (estimate)", cpu.describe());
        // Smaller working sizes need less.
        assertTrue(PlacementAdvisor.estimate(KANDINSKY, PlacementPreset.ALL_GPU, MemoryMode.KEEP_LOADED, 512, 512).gpuBytes()
                < PlacementAdvisor.estimate(KANDINSKY, PlacementPreset.ALL_GPU, MemoryMode.KEEP_LOADED, side, side).gpuBytes());
    }

    @Test
    void aTwelveGigabyteGpuGetsTheTextEncoderOnTheCpu() {
        PlacementAdvisor.Advice a = PlacementAdvisor.advise(KANDINSKY, mib(12288), 1024, 1024);
        assertEquals(PlacementPreset.TEXT_ON_CPU, a.preset());
        assertEquals(MemoryMode.PER_STAGE, a.mode());
        assertEquals("The 17.4 GB text encoder does not fit 12.9 GB of GPU memory, so it runs on the CPU once per "
                + "prompt and the GPU models are loaded only for their stage.", a.explanation());
        PlacementAdvisor.Advice b = PlacementAdvisor.advise(KANDINSKY, mib(16384), 1024, 1024);
        assertEquals(PlacementPreset.TEXT_ON_CPU, b.preset());
        assertEquals(MemoryMode.KEEP_LOADED, b.mode());
        assertTrue(b.explanation().endsWith("so it runs on the CPU once per prompt."), b.explanation());
    }

    @Test
    void largeSmallAndNoGpus() {
        PlacementAdvisor.Advice mid = PlacementAdvisor.advise(KANDINSKY, mib(24576), 1024, 1024);
        assertEquals(PlacementPreset.ALL_GPU, mid.preset());
        assertEquals(MemoryMode.PER_STAGE, mid.mode());
        PlacementAdvisor.Advice big = PlacementAdvisor.advise(KANDINSKY, mib(81559), 1024, 1024);
        assertEquals(PlacementPreset.ALL_GPU, big.preset());
        assertEquals(MemoryMode.KEEP_LOADED, big.mode());
        assertTrue(big.explanation().contains("everything runs on the GPU and stays loaded"), big.explanation());
        PlacementAdvisor.Advice small = PlacementAdvisor.advise(KANDINSKY, mib(6144), 1024, 1024);
        assertEquals(PlacementPreset.ALL_CPU, small.preset());
        assertTrue(small.explanation().startsWith("The U-Net alone needs about 9.2 GB at 1024x1024, more than 6.4 GB"),
                small.explanation());
        PlacementAdvisor.Advice none = PlacementAdvisor.advise(KANDINSKY, OptionalLong.empty(), 1024, 1024);
        assertEquals(PlacementPreset.ALL_CPU, none.preset());
        assertEquals(0, none.estimate().gpuBytes());
    }

    @Test
    void readsNvidiaSmiOutput() {
        assertEquals(mib(12288), PlacementAdvisor.parseNvidiaSmi("12288\n"));
        assertEquals(mib(81559), PlacementAdvisor.parseNvidiaSmi("81559\n24576\n"));
        assertEquals(OptionalLong.empty(), PlacementAdvisor.parseNvidiaSmi(
                "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver."));
        assertEquals(OptionalLong.empty(), PlacementAdvisor.parseNvidiaSmi(""));
        assertEquals(OptionalLong.empty(), PlacementAdvisor.parseNvidiaSmi(null));
    }

    @Test
    void footprintOfTheDemoSetComesFromItsFiles(@TempDir Path dir) throws Exception {
        TestSets.write(dir, SyntheticModelSet.Options.demo());
        ModelFootprint f = ModelFootprint.of(dir);
        for (ModelComponent c : ModelComponent.values()) {
            assertEquals(Files.size(dir.resolve(c.fileName())), f.weights(c), c.label());
        }
        ModelFootprint empty = ModelFootprint.of(dir.resolve("nothing"));
        assertEquals(0, empty.weights(ModelComponent.UNET));
    }
}
