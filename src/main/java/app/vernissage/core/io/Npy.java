package app.vernissage.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes NumPy {@code .npy} files holding float arrays.
 *
 * <p>Reading accepts format versions 1.0 and 2.0 with dtype {@code '<f4'} or {@code '<f8'} (the
 * latter converted to float) in C order. Writing produces version 1.0, {@code '<f4'}, with the
 * header laid out and padded to 64 bytes the way NumPy writes it.
 */
public final class Npy {
    private static final int MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

    private Npy() {
    }

    /**
     * Reads a float array.
     *
     * @throws IOException with a one-sentence message naming the file when it is missing, not a
     *                     {@code .npy} file, uses an unsupported version, dtype or Fortran order, or
     *                     is truncated
     */
    public static NpyArray read(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] preamble = in.readNBytes(8);
            if (preamble.length < 8 || !startsWithMagic(preamble)) {
                throw new IOException(name + " is not a NumPy .npy file (its first bytes are not \\x93NUMPY).");
            }
            int major = preamble[6] & 0xFF;
            int minor = preamble[7] & 0xFF;
            if ((major != 1 && major != 2) || minor != 0) {
                throw new IOException(name + " uses .npy format version " + major + "." + minor
                        + ", but only versions 1.0 and 2.0 are supported.");
            }
            byte[] lengthBytes = in.readNBytes(major == 1 ? 2 : 4);
            if (lengthBytes.length < (major == 1 ? 2 : 4)) {
                throw new IOException(name + " is truncated inside its .npy header.");
            }
            long headerLength = 0;
            for (int i = lengthBytes.length - 1; i >= 0; i--) {
                headerLength = (headerLength << 8) | (lengthBytes[i] & 0xFF);
            }
            if (headerLength > 1 << 20) {
                throw new IOException(name + " declares an implausibly long .npy header of " + headerLength
                        + " bytes.");
            }
            byte[] headerBytes = in.readNBytes((int) headerLength);
            if (headerBytes.length < headerLength) {
                throw new IOException(name + " is truncated inside its .npy header.");
            }
            NpyHeader header = NpyHeader.parse(new String(headerBytes, StandardCharsets.ISO_8859_1));
            if (header == null) {
                throw new IOException(name + " has a .npy header without a readable descr, fortran_order and shape.");
            }
            if (header.fortranOrder) {
                throw new IOException(name + " stores its array in Fortran order, but only C order is supported.");
            }
            int itemSize = switch (header.descr) {
                case "<f4" -> 4;
                case "<f8" -> 8;
                default -> throw new IOException(name + " holds dtype '" + header.descr
                        + "', but only little-endian float32 ('<f4') and float64 ('<f8') are supported.");
            };
            long count = NpyHeader.elementCount(header.shape);
            if (count < 0 || count > MAX_DATA_BYTES / itemSize) {
                throw new IOException(name + " holds more values than Vernissage can load into one array.");
            }
            long expectedBytes = count * itemSize;
            byte[] raw = in.readNBytes((int) Math.min(expectedBytes, Integer.MAX_VALUE));
            if (raw.length < expectedBytes) {
                throw new IOException(name + " is truncated: its header promises " + expectedBytes
                        + " bytes of data but only " + raw.length + " follow.");
            }
            return new NpyArray(header.shape, decode(raw, (int) count, itemSize));
        } catch (NoSuchFileException e) {
            throw new IOException(name + " does not exist.", e);
        } catch (AccessDeniedException e) {
            throw new IOException(name + " could not be opened (permission denied).", e);
        }
    }

    /**
     * Writes {@code data} as a version 1.0 {@code '<f4'} C-order array of the given shape,
     * replacing an existing file.
     *
     * @throws IllegalArgumentException when the shape does not hold exactly {@code data.length} values
     */
    public static void write(Path file, float[] data, long... shape) throws IOException {
        long count = NpyHeader.elementCount(shape);
        if (count != data.length) {
            throw new IllegalArgumentException("Shape " + java.util.Arrays.toString(shape) + " holds " + count
                    + " values but " + data.length + " were given.");
        }
        byte[] header = NpyHeader.formatFloat32(shape);
        ByteBuffer body = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        body.asFloatBuffer().put(data);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(header);
            out.write(body.array());
        }
    }

    private static float[] decode(byte[] raw, int count, int itemSize) {
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[count];
        if (itemSize == 4) {
            buffer.asFloatBuffer().get(out);
        } else {
            var doubles = buffer.asDoubleBuffer();
            for (int i = 0; i < count; i++) {
                out[i] = (float) doubles.get(i);
            }
        }
        return out;
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < NpyHeader.MAGIC.length; i++) {
            if (bytes[i] != NpyHeader.MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
