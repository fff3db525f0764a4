package app.vernissage.engine.runtime;

import app.vernissage.engine.modelset.ModelComponent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Chooses a default placement and memory mode from the GPU's memory and the model set's sizes, and
 * says why in one sentence. Only {@link #USABLE_FRACTION} of the GPU's memory is planned for (the
 * desktop and other programs use some); the estimates are {@link MemoryEstimate}'s.
 */
public final class PlacementAdvisor {
    /** Share of the GPU's total memory a placement may plan to use. */
    public static final double USABLE_FRACTION = 0.9;

    private PlacementAdvisor() {
    }

    /** The advice: a preset, a memory mode, the sentence, and the estimate for that choice. */
    public record Advice(PlacementPreset preset, MemoryMode mode, String explanation, MemoryEstimate estimate) {
    }

    /** Advice for the GPU memory read from {@code nvidia-smi} (none when it is missing). */
    public static Advice advise(ModelFootprint footprint) {
        return advise(footprint, gpuMemoryBytes(), MemoryEstimate.DEFAULT_SIDE, MemoryEstimate.DEFAULT_SIDE);
    }

    public static Advice advise(ModelFootprint footprint, OptionalLong gpuMemory, int width, int height) {
        ExecutionDevice gpu = new ExecutionDevice(true, 0, "CUDA device 0");
        if (gpuMemory.isEmpty()) {
            return advice(footprint, PlacementPreset.ALL_CPU, MemoryMode.KEEP_LOADED, gpu, width, height,
                    "No NVIDIA GPU was found (nvidia-smi reports none), so every model runs on the CPU.");
        }
        long total = gpuMemory.getAsLong();
        long budget = (long) (total * USABLE_FRACTION);
        String have = MemoryEstimate.gb(total) + " of GPU memory";
        MemoryEstimate allKeep = estimate(footprint, PlacementPreset.ALL_GPU, MemoryMode.KEEP_LOADED, gpu, width, height);
        if (allKeep.gpuBytes() <= budget) {
            return advice(footprint, PlacementPreset.ALL_GPU, MemoryMode.KEEP_LOADED, gpu, width, height,
                    "All models need about " + MemoryEstimate.gb(allKeep.gpuBytes()) + " and fit " + have
                            + ", so everything runs on the GPU and stays loaded.");
        }
        MemoryEstimate allStage = estimate(footprint, PlacementPreset.ALL_GPU, MemoryMode.PER_STAGE, gpu, width, height);
        if (allStage.gpuBytes() <= budget) {
            return advice(footprint, PlacementPreset.ALL_GPU, MemoryMode.PER_STAGE, gpu, width, height,
                    "All models together do not fit " + have + " but each one does, so everything runs on "
                            + "the GPU and each model is loaded only for its stage.");
        }
        long text = footprint.weights(ModelComponent.TEXT_ENCODER);
        String why = text + MemoryEstimate.GPU_WORKSPACE > budget
                ? "The " + MemoryEstimate.gb(text) + " text encoder does not fit " + have
                : "The " + MemoryEstimate.gb(text) + " text encoder and the U-Net together do not fit " + have;
        for (MemoryMode mode : MemoryMode.values()) {
            MemoryEstimate e = estimate(footprint, PlacementPreset.TEXT_ON_CPU, mode, gpu, width, height);
            if (e.gpuBytes() <= budget) {
                return advice(footprint, PlacementPreset.TEXT_ON_CPU, mode, gpu, width, height, why
                        + ", so it runs on the CPU once per prompt"
                        + (mode == MemoryMode.PER_STAGE ? " and the GPU models are loaded only for their stage." : "."));
            }
        }
        MemoryEstimate unet = estimate(footprint, PlacementPreset.TEXT_ON_CPU, MemoryMode.PER_STAGE, gpu, width, height);
        return advice(footprint, PlacementPreset.ALL_CPU, MemoryMode.PER_STAGE, gpu, width, height,
                "The U-Net alone needs about " + MemoryEstimate.gb(unet.gpuBytes()) + " at " + width + "x" + height
                        + ", more than " + have + ", so every model runs on the CPU.");
    }

    private static Advice advice(ModelFootprint footprint, PlacementPreset preset, MemoryMode mode, ExecutionDevice gpu,
                                 int width, int height, String sentence) {
        return new Advice(preset, mode, sentence, estimate(footprint, preset, mode, gpu, width, height));
    }

    /** The estimate for a preset as if CUDA were usable (so the GPU share shows even on a CPU machine). */
    public static MemoryEstimate estimate(ModelFootprint footprint, PlacementPreset preset, MemoryMode mode,
                                          int width, int height) {
        return estimate(footprint, preset, mode, new ExecutionDevice(true, 0, "CUDA device 0"), width, height);
    }

    private static MemoryEstimate estimate(ModelFootprint footprint, PlacementPreset preset, MemoryMode mode,
                                           ExecutionDevice gpu, int width, int height) {
        return MemoryEstimate.of(footprint, preset.on(gpu), mode, width, height);
    }

    /**
     * The first GPU's total memory from {@code nvidia-smi --query-gpu=memory.total --format=csv,noheader,nounits},
     * or empty when the tool is missing, fails or takes longer than 5 seconds.
     */
    public static OptionalLong gpuMemoryBytes() {
        Process p;
        try {
            p = new ProcessBuilder("nvidia-smi", "--query-gpu=memory.total", "--format=csv,noheader,nounits")
                    .redirectErrorStream(true).start();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        try (InputStream in = p.getInputStream()) {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return OptionalLong.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? parseNvidiaSmi(text) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return OptionalLong.empty();
        }
    }

    /** Bytes from nvidia-smi's output: the first line's MiB figure; empty when there is none. */
    static OptionalLong parseNvidiaSmi(String output) {
        if (output == null) {
            return OptionalLong.empty();
        }
        for (String line : output.lines().toList()) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                long mib = Long.parseLong(t.split("[ ,]")[0]);
                return mib > 0 ? OptionalLong.of(mib * 1024 * 1024) : OptionalLong.empty();
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
