package app.vernissage.privacy;

import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command line opens no network connection, libraries included (DJL's usage tracking, ONNX
 * Runtime's telemetry): a whole inpaint runs in a fresh JVM under strace, which must record no
 * connect() to an internet address, and in a network namespace with no network at all, where it
 * must still succeed. .ci/run installs strace; without it (or without permission to create a
 * namespace) the respective test is skipped, saying why.
 */
class NoNetworkTest {
    @TempDir
    Path dir;
    List<String> inpaint;

    @BeforeEach
    void prepare() throws IOException {
        Path set = dir.resolve("set");
        SyntheticModelSet.write(set, SyntheticModelSet.Options.demo());
        Path image = dir.resolve("in.png");
        Path mask = dir.resolve("mask.png");
        ImageFiles.write(PixelImage.filled(96, 64, 0xFF336699), image, 0.9f);
        ImageFiles.writeMask(Mask.rectangle(96, 64, 20, 10, 70, 50), mask);
        Path argFile = dir.resolve("java.args");
        // Through an argument file: a long java command line crashes ONNX Runtime's loader.
        Files.writeString(argFile, "-cp\n\"" + System.getProperty("java.class.path") + "\"\n");
        inpaint = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "@" + argFile,
                "app.vernissage.Main", "inpaint", "--models", set.toString(), "--device", "auto",
                "--image", image.toString(), "--mask", mask.toString(), "--prompt", "blue sky", "--steps", "5",
                "--out", dir.resolve("out.png").toString());
    }

    @Test
    void noInternetConnectionIsAttempted() throws Exception {
        assumeTrue(available("strace", "-V"), "strace is not installed");
        Path log = dir.resolve("strace.log");
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-e", "trace=connect", "-o", log.toString()));
        command.addAll(inpaint);
        assertEquals(0, run(command), "the traced run must succeed");
        List<String> internet = Files.readAllLines(log).stream()
                .filter(l -> l.contains("AF_INET") || l.contains("AF_INET6")).toList();
        assertTrue(internet.isEmpty(), "network connections attempted: " + internet);
        assertTrue(Files.size(dir.resolve("out.png")) > 0);
    }

    @Test
    void worksWithNoNetworkAtAll() throws Exception {
        assumeTrue(available("unshare", "-n", "true"), "cannot create a network namespace here (unshare -n)");
        List<String> command = new ArrayList<>(List.of("unshare", "-n"));
        command.addAll(inpaint);
        assertEquals(0, run(command), "the run without any network must succeed");
        assertTrue(Files.size(dir.resolve("out.png")) > 0);
    }

    private int run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run hung");
        if (p.exitValue() != 0) {
            System.err.println(Files.readString(dir.resolve("run.log")));
        }
        return p.exitValue();
    }

    private static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
