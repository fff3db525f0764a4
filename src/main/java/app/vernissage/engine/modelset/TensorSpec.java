package app.vernissage.engine.modelset;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A graph input or output as declared in an ONNX file.
 *
 * @param name        the tensor's name (inputs are bound by name, never by position)
 * @param elementType ONNX element type ({@link ElementType})
 * @param dims        fixed sizes, or -1 where the dimension is dynamic
 * @param dimNames    the symbolic name of each dynamic dimension ("" when fixed or unnamed)
 */
public record TensorSpec(String name, ElementType elementType, long[] dims, List<String> dimNames) {
    public TensorSpec {
        dims = dims.clone();
        dimNames = List.copyOf(dimNames);
    }

    public int rank() {
        return dims.length;
    }

    /** A readable form such as {@code float16 [batch, 9, h, w]}. */
    public String describe() {
        String shape = java.util.stream.IntStream.range(0, dims.length)
                .mapToObj(i -> dims[i] >= 0 ? Long.toString(dims[i]) : (dimNames.get(i).isEmpty() ? "?" : dimNames.get(i)))
                .collect(Collectors.joining(", ", "[", "]"));
        return elementType.label() + " " + shape;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && name.equals(t.name) && elementType == t.elementType
                && Arrays.equals(dims, t.dims) && dimNames.equals(t.dimNames);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return name + ": " + describe();
    }
}
