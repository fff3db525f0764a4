package app.vernissage.core.io;

import java.util.Arrays;

/**
 * A float array with its NumPy shape, in C (row-major) order.
 *
 * @param shape the dimensions, outermost first; empty for a scalar
 * @param data  the values, {@code product(shape)} of them; kept as is, not copied
 */
public record NpyArray(long[] shape, float[] data) {
    /** Checks that the shape has no negative dimension and matches the data length. */
    public NpyArray {
        if (shape == null || data == null) {
            throw new IllegalArgumentException("shape and data must not be null.");
        }
        long count = NpyHeader.elementCount(shape);
        if (count != data.length) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " holds " + count
                    + " values but the data has " + data.length + ".");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray that && Arrays.equals(shape, that.shape) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray[shape=" + Arrays.toString(shape) + ", " + data.length + " floats]";
    }
}
