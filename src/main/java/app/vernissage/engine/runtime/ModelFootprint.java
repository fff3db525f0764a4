package app.vernissage.engine.runtime;

import app.vernissage.engine.modelset.ElementType;
import app.vernissage.engine.modelset.GraphSignature;
import app.vernissage.engine.modelset.ModelComponent;
import app.vernissage.engine.modelset.TensorSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What each component's weights weigh (its .onnx file plus external data files) and how many bytes
 * one activation value takes (2 for float16 graphs, 4 for float32). Missing files count as 0 bytes.
 */
public record ModelFootprint(Map<ModelComponent, Long> weightBytes, Map<ModelComponent, Integer> valueBytes) {
    public ModelFootprint {
        weightBytes = Collections.unmodifiableMap(new EnumMap<>(weightBytes));
        valueBytes = Collections.unmodifiableMap(new EnumMap<>(valueBytes));
    }

    public long weights(ModelComponent c) {
        return weightBytes.getOrDefault(c, 0L);
    }

    public int valueSize(ModelComponent c) {
        return valueBytes.getOrDefault(c, 4);
    }

    /** Reads the file sizes (and the float precision from each graph) of the set in {@code dir}. */
    public static ModelFootprint of(Path dir) {
        Map<ModelComponent, Long> weights = new EnumMap<>(ModelComponent.class);
        Map<ModelComponent, Integer> values = new EnumMap<>(ModelComponent.class);
        for (ModelComponent c : ModelComponent.values()) {
            Path file = dir.resolve(c.fileName());
            long bytes = 0;
            int valueSize = 4;
            try {
                if (Files.isRegularFile(file)) {
                    bytes = Files.size(file);
                    GraphSignature sig = GraphSignature.read(file);
                    for (String location : sig.externalDataFiles()) {
                        Path data = file.resolveSibling(location).normalize();
                        if (data.startsWith(dir.normalize()) && Files.isRegularFile(data)) {
                            bytes += Files.size(data);
                        }
                    }
                    valueSize = floatSize(c, sig);
                }
            } catch (IOException | RuntimeException e) {
                // An unreadable graph is reported by the validator; its size stays what was read.
            }
            weights.put(c, bytes);
            values.put(c, valueSize);
        }
        return new ModelFootprint(weights, values);
    }

    private static int floatSize(ModelComponent c, GraphSignature sig) {
        TensorSpec out = sig.output(c.outputName());
        return out != null && out.elementType() == ElementType.FLOAT16 ? 2 : 4;
    }
}
