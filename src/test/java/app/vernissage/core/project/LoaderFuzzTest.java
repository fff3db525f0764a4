package app.vernissage.core.project;

import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.ImageReadException;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random mutations of valid files (bit flips, overwritten runs, truncation, duplicated and deleted
 * spans) fed to the project and image loaders: every case must open or be refused with the
 * loader's own one-sentence exception; anything else (a runtime exception, an error, a hang of
 * more than 10 s) fails. Counts are printed for docs/benchmarks.md.
 */
class LoaderFuzzTest {
    static final int PROJECT_CASES = 1500;
    static final int IMAGE_CASES_PER_FORMAT = 400;
    static final ImageLimits LIMITS = new ImageLimits(4096L * 4096, 64L << 20);

    @TempDir
    Path dir;

    @Test
    void projectLoaderNeverCrashesOrHangs() throws Exception {
        Path valid = dir.resolve("valid.vernissage");
        ProjectFile.write(ProjectFileTest.sampleWithCanvas(24, 16, 5), valid); // with a canvas state (format 2)
        byte[] seed = Files.readAllBytes(valid);
        int[] outcome = fuzz(seed, PROJECT_CASES, 11, "p.vernissage", file -> {
            try {
                ProjectFile.read(file, LIMITS);
                return true;
            } catch (ProjectReadException refused) {
                return false;
            }
        });
        System.out.println("fuzz project loader: " + PROJECT_CASES + " cases, " + outcome[0] + " opened, "
                + outcome[1] + " refused with a message, 0 crashes, 0 hangs");
    }

    @Test
    void imageLoaderNeverCrashesOrHangs() throws Exception {
        int total = 0;
        for (String ext : new String[]{"png", "jpg", "bmp", "gif", "tif", "webp"}) {
            Path valid = dir.resolve("valid." + ext);
            PixelImage picture = ProjectFileTest.sample(24, 16, 6).image();
            if (ext.equals("webp")) {
                Files.copy(Path.of("src/test/resources/formats/tiny.webp"), valid);
            } else if (ext.equals("gif") || ext.equals("tif")) {
                java.awt.image.BufferedImage b = new java.awt.image.BufferedImage(24, 16, java.awt.image.BufferedImage.TYPE_BYTE_INDEXED);
                javax.imageio.ImageIO.write(b, ext.equals("gif") ? "gif" : "tiff", valid.toFile());
            } else {
                ImageFiles.write(picture, valid, 0.9f);
            }
            int[] outcome = fuzz(Files.readAllBytes(valid), IMAGE_CASES_PER_FORMAT, ext.hashCode(), "i." + ext, file -> {
                try {
                    ImageFiles.read(file, LIMITS);
                    return true;
                } catch (ImageReadException refused) {
                    return false;
                }
            });
            total += IMAGE_CASES_PER_FORMAT;
            System.out.println("fuzz image loader (" + ext + "): " + IMAGE_CASES_PER_FORMAT + " cases, " + outcome[0]
                    + " opened, " + outcome[1] + " refused with a message");
        }
        System.out.println("fuzz image loader: " + total + " cases in all, 0 crashes, 0 hangs");
    }

    interface Loader {
        boolean open(Path file) throws Exception;
    }

    private int[] fuzz(byte[] seed, int cases, long randomSeed, String name, Loader loader) throws Exception {
        SplittableRandom random = new SplittableRandom(randomSeed);
        int opened = 0;
        int refused = 0;
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < cases; i++) {
                byte[] mutated = mutate(seed, random);
                Path file = dir.resolve(i + "-" + name);
                Files.write(file, mutated);
                Future<Boolean> result = worker.submit(() -> loader.open(file));
                try {
                    if (result.get(10, TimeUnit.SECONDS)) {
                        opened++;
                    } else {
                        refused++;
                    }
                } catch (TimeoutException e) {
                    Files.write(dir.getParent().resolve("hang-" + name), mutated);
                    fail("case " + i + " hung (mutated file kept beside the temp folder)");
                } catch (java.util.concurrent.ExecutionException e) {
                    fail("case " + i + " crashed the loader with " + e.getCause(), e.getCause());
                }
                Files.delete(file);
            }
        } finally {
            worker.shutdownNow();
        }
        return new int[]{opened, refused};
    }

    static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] b = seed.clone();
        int kind = random.nextInt(5);
        switch (kind) {
            case 0 -> {
                for (int k = 1 + random.nextInt(8); k > 0; k--) {
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int at = random.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + random.nextInt(64));
                for (int k = 0; k < len; k++) {
                    b[at + k] = (byte) random.nextInt(256);
                }
            }
            case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case 3 -> {
                int at = random.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + random.nextInt(256));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, at + len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                b = out;
            }
            default -> {
                int at = random.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + random.nextInt(256));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                b = out;
            }
        }
        return b;
    }
}
