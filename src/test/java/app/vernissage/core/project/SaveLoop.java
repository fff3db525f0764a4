package app.vernissage.core.project;

import java.nio.file.Path;

/**
 * Saves two different projects to the same file, alternately, until killed ({@link KillDuringSaveTest}).
 * Prints "saved" after each save so the test knows saves are happening.
 */
public final class SaveLoop {
    private SaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Project a = ProjectFileTest.sample(320, 240, 1);
        Project b = ProjectFileTest.sample(320, 240, 2);
        for (long i = 0; ; i++) {
            ProjectFile.write(i % 2 == 0 ? a : b, file);
            System.out.println("saved " + i);
        }
    }
}
