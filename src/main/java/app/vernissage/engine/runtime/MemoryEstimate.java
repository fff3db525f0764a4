package app.vernissage.engine.runtime;

import app.vernissage.engine.modelset.ModelComponent;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Peak memory of one placement and memory mode at a working size, estimated, never measured.
 *
 * <p>The formula (Kandinsky 3's architecture, see docs/benchmarks.md "Memory per component"):
 * <ul>
 *   <li>weights = the component's file sizes ({@link ModelFootprint});</li>
 *   <li>activations, with W x H the working size in pixels, b the bytes per value (2 float16, 4 float32):
 *     text encoder 2 x 128 tokens x 16384 x 4 B (the gated feed-forward, ~17 MB);
 *     U-Net (batch 2 for guidance) 2 x 2 x 12 heads x T^2 x b with T = (W/16)(H/16) attention tokens,
 *     plus feature maps and skips 0.5 GB x (W x H / 1024^2) x b/2;
 *     MoVQ encoder 3 x t^2 x b with t = (W/8)(H/8) latent tokens (scores, softmax, transposed copy);
 *     MoVQ decoder max(3 x t^2 x b, 4 x 256 x W x H x b) (full-resolution feature maps);</li>
 *   <li>per device, {@link MemoryMode#KEEP_LOADED}: the sum of its components' weights plus the largest
 *     of their activations (stages run one after another); {@link MemoryMode#PER_STAGE}: the largest
 *     weights + activations of one component;</li>
 *   <li>a device that runs anything on CUDA adds {@link #GPU_WORKSPACE} for the CUDA context and the
 *     cuDNN/cuBLAS workspaces.</li>
 * </ul>
 * At 1024 x 1024 with a float16 U-Net this gives ~6.1 + 1.6 + 0.5 + 1 GB for the U-Net stage, the
 * figure in docs/benchmarks.md.
 */
public record MemoryEstimate(long gpuBytes, long cpuBytes, int width, int height,
                             Map<ModelComponent, Long> activationBytes) {
    public static final long GPU_WORKSPACE = 1_000_000_000L;
    /** The working size estimates are shown for by default (Kandinsky 3's native size). */
    public static final int DEFAULT_SIDE = 1024;

    public MemoryEstimate {
        activationBytes = Collections.unmodifiableMap(new EnumMap<>(activationBytes));
    }

    public static MemoryEstimate of(ModelFootprint footprint, Placement placement, MemoryMode mode, int width, int height) {
        Map<ModelComponent, Long> activations = new EnumMap<>(ModelComponent.class);
        for (ModelComponent c : ModelComponent.values()) {
            activations.put(c, activation(c, footprint.valueSize(c), width, height));
        }
        long gpu = 0;
        long cpu = 0;
        for (boolean onGpu : new boolean[]{true, false}) {
            long sumWeights = 0;
            long maxActivation = 0;
            long maxStage = 0;
            boolean any = false;
            for (ModelComponent c : ModelComponent.values()) {
                if (placement.onGpu(c) != onGpu) {
                    continue;
                }
                any = true;
                long w = footprint.weights(c);
                long a = activations.get(c);
                sumWeights += w;
                maxActivation = Math.max(maxActivation, a);
                maxStage = Math.max(maxStage, w + a);
            }
            long peak = !any ? 0 : mode == MemoryMode.KEEP_LOADED ? sumWeights + maxActivation : maxStage;
            if (onGpu) {
                gpu = any ? peak + GPU_WORKSPACE : 0;
            } else {
                cpu = peak;
            }
        }
        return new MemoryEstimate(gpu, cpu, width, height, activations);
    }

    /** Activation estimate of one component at W x H pixels (see the class comment). */
    static long activation(ModelComponent c, int valueBytes, int width, int height) {
        double pixels = (double) width * height;
        double b = valueBytes;
        double value = switch (c) {
            case TEXT_ENCODER -> 2.0 * 128 * 16384 * 4;
            case UNET -> {
                double t = (width / 16.0) * (height / 16.0);
                yield 2.0 * 2 * 12 * t * t * b + 0.5e9 * (pixels / (1024.0 * 1024)) * b / 2;
            }
            case MOVQ_ENCODER -> {
                double t = (width / 8.0) * (height / 8.0);
                yield 3.0 * t * t * b;
            }
            case MOVQ_DECODER -> {
                double t = (width / 8.0) * (height / 8.0);
                yield Math.max(3.0 * t * t * b, 4.0 * 256 * pixels * b);
            }
        };
        return (long) value;
    }

    /** E.g. "GPU 9.2 GB, CPU 17.5 GB at 1024x1024 (estimate)". */
    public String describe() {
        return "GPU " + gb(gpuBytes) + ", CPU " + gb(cpuBytes) + " at " + width + "x" + height + " (estimate)";
    }

    public static String gb(long bytes) {
        if (bytes < 100_000_000L) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
