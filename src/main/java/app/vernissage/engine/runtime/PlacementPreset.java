package app.vernissage.engine.runtime;

import java.util.Locale;

/**
 * The placements people choose from. {@link #key()} is what the command line ({@code --placement})
 * and the editor's preferences store.
 */
public enum PlacementPreset {
    /** Every component on the GPU: fastest, needs the most GPU memory. */
    ALL_GPU("gpu", "all on the GPU"),
    /** The text encoder (the largest file, run once per prompt) on the CPU; U-Net and MoVQ on the GPU. */
    TEXT_ON_CPU("text-cpu", "text encoder on the CPU, U-Net and MoVQ on the GPU"),
    /** Everything on the CPU: slow, needs no GPU. */
    ALL_CPU("cpu", "all on the CPU");

    private final String key;
    private final String label;

    PlacementPreset(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    /** English words for messages, e.g. "text encoder on the CPU, U-Net and MoVQ on the GPU". */
    public String label() {
        return label;
    }

    /** The next placement that needs less GPU memory, or null for {@link #ALL_CPU}. */
    public PlacementPreset lighter() {
        return switch (this) {
            case ALL_GPU -> TEXT_ON_CPU;
            case TEXT_ON_CPU -> ALL_CPU;
            case ALL_CPU -> null;
        };
    }

    /** The placement on {@code gpu}; a CPU device (no CUDA here) puts everything on the CPU. */
    public Placement on(ExecutionDevice gpu) {
        if (gpu == null || !gpu.cuda()) {
            return Placement.allCpu();
        }
        return switch (this) {
            case ALL_GPU -> Placement.all(gpu);
            case TEXT_ON_CPU -> Placement.textEncoderOnCpu(gpu);
            case ALL_CPU -> Placement.allCpu();
        };
    }

    public static PlacementPreset parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (PlacementPreset p : values()) {
            if (p.key.equals(t) || p.name().equalsIgnoreCase(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown placement '" + text + "' (cpu, gpu or text-cpu)");
    }
}
