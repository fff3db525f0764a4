package app.vernissage.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    private static Path golden(String name) {
        try {
            return Path.of(NpyTest.class.getResource("/golden/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsFloat32WrittenByNumpy() throws IOException {
        NpyArray array = Npy.read(golden("npy_f4_2x3.npy"));
        assertArrayEquals(new long[] {2, 3}, array.shape());
        assertArrayEquals(new float[] {-0.5f, -0.25f, 0f, 0.25f, 0.5f, 0.75f}, array.data());
    }

    @Test
    void readsOneDimensionalScalarAndFourDimensional() throws IOException {
        NpyArray vector = Npy.read(golden("npy_f4_5.npy"));
        assertArrayEquals(new long[] {5}, vector.shape());
        assertArrayEquals(new float[] {1.5f, -2.25f, 0f, 1e-8f, 3e9f}, vector.data());

        NpyArray scalar = Npy.read(golden("npy_f4_scalar.npy"));
        assertEquals(0, scalar.shape().length);
        assertArrayEquals(new float[] {7.25f}, scalar.data());

        NpyArray tensor = Npy.read(golden("npy_f4_1x3x4x5.npy"));
        assertArrayEquals(new long[] {1, 3, 4, 5}, tensor.shape());
        assertEquals(-1f, tensor.data()[0]);
        assertEquals(1f, tensor.data()[59]);
    }

    @Test
    void readsFloat64AsFloat() throws IOException {
        NpyArray array = Npy.read(golden("npy_f8_4.npy"));
        assertArrayEquals(new long[] {4}, array.shape());
        assertArrayEquals(new float[] {0.1f, Float.NEGATIVE_INFINITY, 2.5f, (float) 1e-45}, array.data());
    }

    @Test
    void readsVersion2() throws IOException {
        NpyArray array = Npy.read(golden("npy_v2_f4_2x2.npy"));
        assertArrayEquals(new long[] {2, 2}, array.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, array.data());
    }

    @Test
    void writesTheSameBytesAsNumpy() throws IOException {
        for (String name : new String[] {"npy_f4_2x3.npy", "npy_f4_5.npy", "npy_f4_scalar.npy", "npy_f4_1x3x4x5.npy"}) {
            NpyArray array = Npy.read(golden(name));
            Path copy = dir.resolve(name);
            Npy.write(copy, array.data(), array.shape());
            assertArrayEquals(Files.readAllBytes(golden(name)), Files.readAllBytes(copy), name);
            assertEquals(0, (Files.size(copy) - 4L * array.data().length) % 64, "data starts 64-aligned");
        }
    }

    @Test
    void roundTrips() throws IOException {
        float[] data = new float[2 * 3 * 7];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.sin(i) * 1000;
        }
        Path file = dir.resolve("x.npy");
        Npy.write(file, data, 2, 3, 7);
        NpyArray back = Npy.read(file);
        assertArrayEquals(new long[] {2, 3, 7}, back.shape());
        assertArrayEquals(data, back.data());
        assertEquals(new NpyArray(new long[] {2, 3, 7}, data), back);
    }

    @Test
    void writeRejectsAShapeThatDoesNotMatch() {
        assertThrows(IllegalArgumentException.class, () -> Npy.write(dir.resolve("x.npy"), new float[5], 2, 3));
    }

    private String refused(Path file) {
        IOException e = assertThrows(IOException.class, () -> Npy.read(file));
        String message = e.getMessage();
        assertTrue(message.startsWith(file.getFileName() + " ") && message.endsWith("."), message);
        return message;
    }

    @Test
    void refusesFortranOrder() {
        assertTrue(refused(golden("npy_fortran_f4_2x3.npy")).contains("Fortran order"));
    }

    @Test
    void refusesOtherDtypes() {
        assertTrue(refused(golden("npy_i4_3.npy")).contains("'<i4'"));
        assertTrue(refused(golden("npy_be_f4_3.npy")).contains("'>f4'"));
    }

    @Test
    void refusesBadMagicMissingAndTruncatedFiles() throws IOException {
        assertTrue(refused(Files.writeString(dir.resolve("text.npy"), "not numpy at all")).contains("not a NumPy"));
        assertTrue(refused(dir.resolve("missing.npy")).contains("does not exist"));
        byte[] whole = Files.readAllBytes(golden("npy_f4_2x3.npy"));
        Path cutData = Files.write(dir.resolve("cut.npy"), Arrays.copyOf(whole, whole.length - 3));
        assertTrue(refused(cutData).contains("truncated"));
        Path cutHeader = Files.write(dir.resolve("cuthead.npy"), Arrays.copyOf(whole, 30));
        assertTrue(refused(cutHeader).contains("truncated"));
        Path empty = Files.write(dir.resolve("empty.npy"), new byte[0]);
        assertTrue(refused(empty).contains("not a NumPy"));
    }

    @Test
    void recordValidatesShape() {
        assertThrows(IllegalArgumentException.class, () -> new NpyArray(new long[] {2, 2}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new NpyArray(new long[] {-1}, new float[0]));
    }
}
