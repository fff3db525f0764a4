package app.vernissage.core.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text header of a {@code .npy} file: a Python dict literal with {@code descr},
 * {@code fortran_order} and {@code shape}. Parses what NumPy writes and formats it the way NumPy
 * does (keys sorted, spare spaces for growing the first axis, padding to 64 bytes).
 */
final class NpyHeader {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy aligns the start of the data to this many bytes. */
    private static final int ALIGN = 64;
    /** NumPy leaves room for the first axis to grow to this many digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    final String descr;
    final boolean fortranOrder;
    final long[] shape;

    NpyHeader(String descr, boolean fortranOrder, long[] shape) {
        this.descr = descr;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
    }

    /** Parses the dict text, or returns null when a key is missing or malformed. */
    static NpyHeader parse(String text) {
        Matcher descr = DESCR.matcher(text);
        Matcher fortran = FORTRAN.matcher(text);
        Matcher shape = SHAPE.matcher(text);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            return null;
        }
        List<Long> dims = new ArrayList<>();
        for (String part : shape.group(1).split(",")) {
            String trimmed = part.strip();
            if (trimmed.endsWith("L")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                long dim = Long.parseLong(trimmed);
                if (dim < 0) {
                    return null;
                }
                dims.add(dim);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long[] dimensions = dims.stream().mapToLong(Long::longValue).toArray();
        return new NpyHeader(descr.group(1), fortran.group(1).equals("True"), dimensions);
    }

    /** The complete version 1.0 preamble and header for little-endian float32 data in C order. */
    static byte[] formatFloat32(long[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                dict.append(", ");
            }
            dict.append(shape[i]);
        }
        if (shape.length == 1) {
            dict.append(',');
        }
        dict.append("), }");
        if (shape.length > 0) {
            dict.repeat(' ', GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length());
        }
        int textLength = dict.length() + 1;
        int preamble = MAGIC.length + 2 + 2;
        int padding = ALIGN - ((preamble + textLength) % ALIGN);
        dict.repeat(' ', padding).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (text.length > 0xFFFF) {
            throw new IllegalArgumentException("Shape has too many dimensions for a version 1.0 header.");
        }
        byte[] out = new byte[preamble + text.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) text.length;
        out[9] = (byte) (text.length >>> 8);
        System.arraycopy(text, 0, out, preamble, text.length);
        return out;
    }

    /** Product of the dimensions, or -1 when it overflows a long. */
    static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("Dimensions must not be negative, got " + dim + ".");
            }
            if (dim != 0 && count > Long.MAX_VALUE / dim) {
                return -1;
            }
            count *= dim;
        }
        return count;
    }
}
