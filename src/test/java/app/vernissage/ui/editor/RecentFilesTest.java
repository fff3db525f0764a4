package app.vernissage.ui.editor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recent files persist in a throwaway preferences node, newest first, at most ten. */
class RecentFilesTest {
    private Preferences node;

    @BeforeEach
    void node() {
        node = Preferences.userRoot().node("app/vernissage-test/" + UUID.randomUUID());
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void listSurvivesARestartNewestFirstWithoutDuplicatesAndAtMostTen() {
        RecentFiles recent = new RecentFiles(node);
        assertTrue(recent.files().isEmpty());
        for (int i = 0; i < 12; i++) {
            recent.add(Path.of("/pictures/p" + i + ".png"));
        }
        recent.add(Path.of("/pictures/p5.png"));
        List<Path> expected = List.of(Path.of("/pictures/p5.png"), Path.of("/pictures/p11.png"),
                Path.of("/pictures/p10.png"), Path.of("/pictures/p9.png"), Path.of("/pictures/p8.png"),
                Path.of("/pictures/p7.png"), Path.of("/pictures/p6.png"), Path.of("/pictures/p4.png"),
                Path.of("/pictures/p3.png"), Path.of("/pictures/p2.png"));
        assertEquals(expected, recent.files());
        assertEquals(expected, new RecentFiles(node).files(), "read back from the preferences");
        assertTrue(node.get(RecentFiles.KEY, "").startsWith("/pictures/p5.png\n"));

        RecentFiles again = new RecentFiles(node);
        again.remove(Path.of("/pictures/p11.png"));
        assertEquals(9, new RecentFiles(node).files().size());
        again.clear();
        assertTrue(new RecentFiles(node).files().isEmpty());
        assertTrue(new RecentFiles(null).files().isEmpty());
    }
}
