package app.vernissage.cli;

import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.ImageReadException;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.runtime.CancellationToken;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the command line in-process and builds the pictures, masks and files the CLI tests feed it. */
final class CliFixture {
    private CliFixture() {
    }

    /** One finished run: exit code and everything printed. */
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new VernissageCli(o, e, false, new CancellationToken()).run(args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * {@code inpaint} on CPU with the given set, {@code --steps 5} and {@code --prompt "blue sky"};
     * {@code extra} holds option/value pairs, and one naming --steps, --prompt or --device replaces
     * that default (picocli refuses an option given twice); a null value drops the option.
     */
    static Run inpaint(Path models, Path image, Path mask, Path out, String... extra) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--device", "cpu");
        options.put("--models", models.toString());
        options.put("--image", image.toString());
        options.put("--mask", mask.toString());
        options.put("--prompt", "blue sky");
        options.put("--steps", "5");
        options.put("--out", out.toString());
        if (extra.length % 2 != 0) {
            throw new IllegalArgumentException("extra options come in option/value pairs");
        }
        List<String> args = new ArrayList<>(List.of("inpaint"));
        for (int i = 0; i < extra.length; i += 2) {
            if (options.containsKey(extra[i])) {
                options.put(extra[i], extra[i + 1]);
            } else {
                args.add(extra[i]);
                args.add(extra[i + 1]);
            }
        }
        options.forEach((k, v) -> {
            if (v != null) {
                args.add(k);
                args.add(v);
            }
        });
        return run(args.toArray(String[]::new));
    }

    /**
     * The run failed with {@code code}, printed nothing on stdout and exactly one line on stderr,
     * "vernissage: ...", without a stack trace, containing each of {@code mustContain}.
     */
    static void assertOneLineError(Run r, int code, String... mustContain) {
        assertEquals(code, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), () -> "stderr should be exactly one line\n" + r);
        String line = r.errLines().getFirst();
        assertTrue(line.startsWith("vernissage: "), () -> "should start with 'vernissage: '\n" + r);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), () -> "stack trace text\n" + r);
        for (String s : mustContain) {
            assertTrue(line.contains(s), () -> "stderr should mention '" + s + "'\n" + r);
        }
    }

    /** A smooth, colourful opaque RGB picture (every pixel differs from its neighbours). */
    static BufferedImage rgb(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, pattern(x, y, 0) << 16 | pattern(x, y, 1) << 8 | pattern(x, y, 2));
            }
        }
        return image;
    }

    static int pattern(int x, int y, int channel) {
        return switch (channel) {
            case 0 -> (x * 7 + y * 3) & 0xFF;
            case 1 -> (x * 2 + y * 5 + 40) & 0xFF;
            default -> (x * y + 90) & 0xFF;
        };
    }

    /** A component-model picture: gray or RGB, with or without alpha, 8 or 16 bits per sample. */
    static BufferedImage component(int w, int h, boolean gray, boolean alpha, int bits) {
        ColorSpace space = ColorSpace.getInstance(gray ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        int bands = (gray ? 1 : 3) + (alpha ? 1 : 0);
        int[] sizes = new int[bands];
        Arrays.fill(sizes, bits);
        ComponentColorModel cm = new ComponentColorModel(space, sizes, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                bits == 16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
        int max = (1 << bits) - 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < bands; b++) {
                    int v = alpha && b == bands - 1 ? (x + y) * 9 % 256 : pattern(x, y, b);
                    raster.setSample(x, y, b, bits == 16 ? v * 257 + (x * 31 + y) % 257 : v);
                }
            }
        }
        return new BufferedImage(cm, raster, false, null);
    }

    /** A black mask with the white rectangle [x0, x1) x [y0, y1). */
    static BufferedImage rectMask(int w, int h, int x0, int y0, int x1, int y1) {
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                mask.getRaster().setSample(x, y, 0, 255);
            }
        }
        return mask;
    }

    static Path write(BufferedImage image, String format, Path file) throws IOException {
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IllegalStateException("no " + format + " writer for " + image);
        }
        return file;
    }

    /** A PNG header with the given declared size and a correct CRC, then IEND: no pixel data at all. */
    static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The first {@code keep} bytes of {@code source}, written to {@code target}. */
    static Path truncated(Path source, Path target, int keep) throws IOException {
        return Files.write(target, Arrays.copyOf(Files.readAllBytes(source), keep));
    }

    static PixelImage read(Path file) {
        try {
            return ImageFiles.read(file, ImageLimits.DEFAULT);
        } catch (ImageReadException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * Every pixel at least {@code margin} pixels (Chebyshev) away from the rectangle
     * [x0, x1) x [y0, y1) differs from the input by at most {@code tolerance} per ARGB channel
     * (0 = bit-identical). Returns how many pixels were compared.
     */
    static int assertSameOutside(PixelImage in, PixelImage out, int x0, int y0, int x1, int y1, int margin,
                                 int tolerance) {
        assertEquals(in.width() + "x" + in.height(), out.width() + "x" + out.height(), "output size");
        int compared = 0;
        for (int y = 0; y < in.height(); y++) {
            for (int x = 0; x < in.width(); x++) {
                int dx = Math.max(Math.max(x0 - x, x - (x1 - 1)), 0);
                int dy = Math.max(Math.max(y0 - y, y - (y1 - 1)), 0);
                if (Math.max(dx, dy) < margin) {
                    continue;
                }
                int a = in.argbAt(x, y);
                int b = out.argbAt(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    int d = Math.abs((a >>> shift & 0xFF) - (b >>> shift & 0xFF));
                    if (d > tolerance) {
                        throw new AssertionError(String.format("pixel (%d, %d) changed: %08x -> %08x", x, y, a, b));
                    }
                }
                compared++;
            }
        }
        return compared;
    }

    /** Mean of (red - blue) over the rectangle, to tell which colour a prompt painted. */
    static double redMinusBlue(PixelImage image, int x0, int y0, int x1, int y1) {
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = image.argbAt(x, y);
                sum += (p >>> 16 & 0xFF) - (p & 0xFF);
            }
        }
        return sum / ((x1 - x0) * (y1 - y0));
    }
}
