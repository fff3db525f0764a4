package app.vernissage.engine.runtime;

import app.vernissage.engine.modelset.ModelComponent;

import java.util.List;
import java.util.Locale;

/**
 * A model could not be loaded or run because its device ran out of memory. Names the component and
 * the lighter placement to try; {@link #lighter()} is null when nothing lighter exists.
 */
public final class OutOfDeviceMemoryException extends EngineException {
    /** Substrings of ONNX Runtime / CUDA messages that mean "out of memory" (compared lower-case). */
    static final List<String> MARKERS = List.of("failed to allocate memory", "cuda out of memory", "bfcarena",
            "out of memory", "cudaerrormemoryallocation", "cuda_error_out_of_memory", "cublas_status_alloc_failed",
            "cudnn_status_alloc_failed", "std::bad_alloc", "available memory of");

    private final ModelComponent component;
    private final ExecutionDevice device;
    private final PlacementPreset lighter;

    public OutOfDeviceMemoryException(ModelComponent component, ExecutionDevice device, PlacementPreset current,
                                      Throwable cause) {
        super(message(component, device, current == null ? null : current.lighter()), cause);
        this.component = component;
        this.device = device;
        this.lighter = current == null ? null : current.lighter();
    }

    private static String message(ModelComponent component, ExecutionDevice device, PlacementPreset lighter) {
        return "The " + component.label() + " (" + component.fileName() + ") ran out of memory on "
                + device.label() + (lighter == null ? "; close other programs or use a smaller working size"
                : "; try the placement '" + lighter.label() + "' (--placement " + lighter.key() + ")");
    }

    public ModelComponent component() {
        return component;
    }

    public ExecutionDevice device() {
        return device;
    }

    /** The placement to retry with, or null. */
    public PlacementPreset lighter() {
        return lighter;
    }

    /** Whether an error message from ONNX Runtime (any line) says memory ran out. */
    public static boolean isOutOfMemory(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return MARKERS.stream().anyMatch(m::contains);
    }

    /** Whether {@code error} or one of its causes says memory ran out. */
    public static boolean isOutOfMemory(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError || isOutOfMemory(t.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
