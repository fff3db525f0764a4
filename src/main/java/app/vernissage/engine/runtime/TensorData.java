package app.vernissage.engine.runtime;

import java.util.Arrays;

/**
 * Plain tensors handed to and received from the model sessions. The pipeline always computes in
 * float32; conversion to a graph's float16 or float timestep happens in {@link ModelSessions}.
 */
public sealed interface TensorData {
    long[] shape();

    /** Number of elements the shape describes. */
    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    private static void check(long[] shape, int length) {
        if (count(shape) != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + length + " values");
        }
    }

    /** float32 values (also used for float16 graph tensors). */
    record Floats(long[] shape, float[] data) implements TensorData {
        public Floats {
            check(shape, data.length);
        }
    }

    /** Integer values (int64 in the graph, or float where the graph wants a float timestep). */
    record Longs(long[] shape, long[] data) implements TensorData {
        public Longs {
            check(shape, data.length);
        }
    }

    /** Boolean values. */
    record Bools(long[] shape, boolean[] data) implements TensorData {
        public Bools {
            check(shape, data.length);
        }
    }
}
