package app.vernissage.cli;

import app.vernissage.engine.modelset.ModelComponent;
import app.vernissage.engine.runtime.ModelFootprint;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

import static app.vernissage.cli.CliFixture.inpaint;
import static app.vernissage.cli.CliFixture.rectMask;
import static app.vernissage.cli.CliFixture.rgb;
import static app.vernissage.cli.CliFixture.run;
import static app.vernissage.cli.CliFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --placement} and the memory / CUDA lines of {@code models check}. */
class PlacementCliTest {
    @TempDir
    static Path shared;
    static Path demo;
    static Path picture;
    static Path hole;

    @BeforeAll
    static void setUp() throws IOException {
        demo = shared.resolve("demo-set");
        SyntheticModelSet.write(demo, SyntheticModelSet.Options.demo());
        picture = write(rgb(64, 64), "png", shared.resolve("in.png"));
        hole = write(rectMask(64, 64, 24, 24, 40, 40), "png", shared.resolve("mask.png"));
    }

    @Test
    void inpaintRunsWithEveryPlacementOnThisCpuMachine() {
        for (String placement : new String[]{"cpu", "gpu", "text-cpu"}) {
            Path out = shared.resolve("out-" + placement + ".png");
            CliFixture.Run r = inpaint(demo, picture, hole, out, "--placement", placement);
            assertEquals(0, r.code(), r::toString);
            assertTrue(Files.isRegularFile(out));
        }
    }

    @Test
    void unknownPlacementIsWrongUsage() {
        CliFixture.Run r = inpaint(demo, picture, hole, shared.resolve("never.png"), "--placement", "tpu");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("cpu, gpu or text-cpu"), r::toString);
    }

    @Test
    void modelsCheckPrintsMemoryAndCudaLines() {
        CliFixture.Run r = run("models", "check", demo.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Usable."), r::toString);
        assertTrue(r.out().contains("Memory (estimate at 1024x1024"), r::toString);
        assertTrue(r.out().contains("  suggested: --placement "), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  text-cpu  per-stage  GPU ")), r::toString);
        assertTrue(r.out().contains("\nCUDA\n"), r::toString);
        assertTrue(r.out().contains("NVIDIA driver"), r::toString);
        assertTrue(r.out().contains("libcudnn.so.9") || r.out().contains("cudnn64_9.dll"), r::toString);
    }

    @Test
    void memoryLinesForTheRealModelOnATwelveGigabyteGpu() {
        ModelFootprint kandinsky = new ModelFootprint(
                Map.of(ModelComponent.TEXT_ENCODER, 17_440_000_000L, ModelComponent.UNET, 6_080_000_000L,
                        ModelComponent.MOVQ_ENCODER, 436_000_000L, ModelComponent.MOVQ_DECODER, 644_000_000L),
                Map.of(ModelComponent.TEXT_ENCODER, 2, ModelComponent.UNET, 2,
                        ModelComponent.MOVQ_ENCODER, 4, ModelComponent.MOVQ_DECODER, 4));
        String text = ModelsCommand.Check.memory(kandinsky, OptionalLong.of(12288L << 20));
        assertTrue(text.contains("  suggested: --placement text-cpu --memory per-stage (The 17.4 GB text encoder "
                + "does not fit 12.9 GB of GPU memory"), text);
        assertTrue(text.contains("  text-cpu  per-stage  GPU 9.2 GB   CPU 17.5 GB\n"), text);
        assertTrue(text.contains("  cpu       keep       GPU 0 MB     CPU "), text);
    }
}
