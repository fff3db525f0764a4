package app.vernissage.core.project;

import app.vernissage.core.image.ImageLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a real process (SIGKILL) at random moments while it saves a project over and over, and
 * checks every time that the file on disk opens and is exactly one of the two projects: a save
 * never leaves a broken file.
 */
class KillDuringSaveTest {
    static final int TRIALS = 12;

    @TempDir
    Path dir;

    @Test
    void killingASaveLeavesTheOldOrTheNewFile() throws Exception {
        Path file = dir.resolve("work.vernissage");
        Path argFile = dir.resolve("java.args");
        Files.writeString(argFile, "-cp\n\"" + System.getProperty("java.class.path") + "\"\n");
        int[] a = ProjectFileTest.sample(320, 240, 1).image().argb();
        int[] b = ProjectFileTest.sample(320, 240, 2).image().argb();
        SplittableRandom random = new SplittableRandom(3);
        int sawA = 0;
        int sawB = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "@" + argFile, SaveLoop.class.getName(), file.toString())).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("saved"), "the save loop did not start: " + first);
            Thread.sleep(random.nextInt(0, 700));
            p.destroyForcibly();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            int[] onDisk = ProjectFile.read(file, ImageLimits.DEFAULT).image().argb();
            boolean isA = Arrays.equals(a, onDisk);
            boolean isB = Arrays.equals(b, onDisk);
            assertTrue(isA || isB, "trial " + trial + ": the file is neither the old nor the new project");
            sawA += isA ? 1 : 0;
            sawB += isB ? 1 : 0;
        }
        System.out.println("kill-during-save: " + TRIALS + " kills, file intact every time (" + sawA + " x A, " + sawB + " x B)");
    }
}
