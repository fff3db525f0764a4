package app.vernissage.engine.modelset;

import java.util.Set;

/**
 * What the contract expects of one graph input or output.
 *
 * @param name      required tensor name
 * @param types     accepted element types
 * @param dims      per dimension: a fixed size it must have if the graph fixes it, or
 *                  {@link #ANY} for free dimensions; {@link #CONTEXT} stands for the set's context width
 * @param shapeText how people read the expected shape, e.g. {@code [batch, 9, h, w]}
 */
public record TensorRule(String name, Set<ElementType> types, long[] dims, String shapeText) {
    public static final long ANY = -1;
    public static final long CONTEXT = -2;

    public TensorRule {
        types = Set.copyOf(types);
        dims = dims.clone();
    }

    /** The problem with {@code actual}, or null when it fits. */
    String mismatch(TensorSpec actual, int contextDim) {
        if (!types.contains(actual.elementType())) {
            return "'" + name + "' should be " + typesText() + " but is " + actual.elementType().label();
        }
        if (actual.rank() != dims.length) {
            return "'" + name + "' should have shape " + shapeText + " (" + dims.length + " dimensions) but has "
                    + actual.describe().substring(actual.describe().indexOf('['));
        }
        for (int i = 0; i < dims.length; i++) {
            long want = dims[i] == CONTEXT ? contextDim : dims[i];
            long got = actual.dims()[i];
            if (want >= 0 && got >= 0 && want != got) {
                return "'" + name + "' should have shape " + shapeText + " but dimension " + i + " is " + got
                        + " instead of " + want;
            }
        }
        return null;
    }

    String typesText() {
        return String.join(" or ", types.stream().map(ElementType::label).sorted().toList());
    }

    String describe() {
        return typesText() + " " + shapeText;
    }
}
