package app.vernissage.engine.runtime;

import app.vernissage.engine.modelset.ModelComponent;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where each model component runs. Built from a {@link PlacementPreset} or by hand; every
 * component has a device.
 */
public record Placement(Map<ModelComponent, ExecutionDevice> devices) {
    public static final ExecutionDevice CPU = new ExecutionDevice(false, 0, "running on CPU");

    public Placement {
        EnumMap<ModelComponent, ExecutionDevice> copy = new EnumMap<>(ModelComponent.class);
        for (ModelComponent c : ModelComponent.values()) {
            ExecutionDevice d = devices.get(c);
            if (d == null) {
                throw new IllegalArgumentException("no device for the " + c.label());
            }
            copy.put(c, d);
        }
        devices = Collections.unmodifiableMap(copy);
    }

    /** The same device for every component (what {@code ModelSessions(set, device, mode)} means). */
    public static Placement all(ExecutionDevice device) {
        EnumMap<ModelComponent, ExecutionDevice> map = new EnumMap<>(ModelComponent.class);
        for (ModelComponent c : ModelComponent.values()) {
            map.put(c, device);
        }
        return new Placement(map);
    }

    public static Placement allCpu() {
        return all(CPU);
    }

    /** The text encoder on the CPU, the U-Net and both MoVQ halves on {@code gpu}. */
    public static Placement textEncoderOnCpu(ExecutionDevice gpu) {
        EnumMap<ModelComponent, ExecutionDevice> map = new EnumMap<>(ModelComponent.class);
        for (ModelComponent c : ModelComponent.values()) {
            map.put(c, c == ModelComponent.TEXT_ENCODER ? CPU : gpu);
        }
        return new Placement(map);
    }

    public ExecutionDevice device(ModelComponent component) {
        return devices.get(component);
    }

    public boolean onGpu(ModelComponent component) {
        return device(component).cuda();
    }

    public boolean usesGpu() {
        return devices.values().stream().anyMatch(ExecutionDevice::cuda);
    }

    /** The preset this placement matches (all CPU when no GPU is used). */
    public PlacementPreset preset() {
        if (!usesGpu()) {
            return PlacementPreset.ALL_CPU;
        }
        return onGpu(ModelComponent.TEXT_ENCODER) ? PlacementPreset.ALL_GPU : PlacementPreset.TEXT_ON_CPU;
    }

    /** E.g. "text encoder: CPU, U-Net: CUDA:0, MoVQ encoder: CUDA:0, MoVQ decoder: CUDA:0". */
    public String describe() {
        return devices.entrySet().stream().map(e -> e.getKey().label() + ": " + e.getValue().label())
                .collect(Collectors.joining(", "));
    }
}
