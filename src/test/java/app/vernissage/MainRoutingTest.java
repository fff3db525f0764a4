package app.vernissage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A double-clicked file (one argument naming an existing file) opens the editor; commands stay commands. */
class MainRoutingTest {
    @TempDir
    Path dir;

    @Test
    void aSingleExistingFileOpensTheEditor() throws Exception {
        Path project = Files.writeString(dir.resolve("work.vernissage"), "x");
        assertTrue(Main.opensAFile(new String[]{project.toString()}));
        assertFalse(Main.opensAFile(new String[]{"inpaint"}), "a command, not a file");
        assertFalse(Main.opensAFile(new String[]{dir.resolve("missing.png").toString()}));
        assertFalse(Main.opensAFile(new String[]{"--help"}));
        assertFalse(Main.opensAFile(new String[]{project.toString(), "more"}));
    }
}
