package app.vernissage.core.project;

import app.vernissage.core.image.ImageLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryStoreTest {
    @TempDir
    Path dir;

    @Test
    void theFolderFollowsXdgStateHome() {
        assertEquals(Path.of("/s/vernissage/recovery"), RecoveryStore.defaultDir("/s", "/home/u"));
        assertEquals(Path.of("/home/u/.local/state/vernissage/recovery"), RecoveryStore.defaultDir(null, "/home/u"));
        assertEquals(Path.of("/home/u/.local/state/vernissage/recovery"), RecoveryStore.defaultDir("", "/home/u"));
        assertEquals(Path.of("/home/u/.local/state/vernissage/recovery"), RecoveryStore.defaultDir("rel", "/home/u"));
    }

    @Test
    void writeListReadDelete() throws IOException, ProjectReadException {
        RecoveryStore store = new RecoveryStore(dir.resolve("a/b"));
        assertEquals(List.of(), store.list());
        Project p = ProjectFileTest.sample(20, 10, 3);
        store.write("one", p, Path.of("/x/pic.png"), Instant.parse("2026-01-02T03:04:05Z"));
        List<RecoveryStore.Entry> list = store.list();
        assertEquals(1, list.size());
        assertEquals("pic.png", list.getFirst().originalName());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), list.getFirst().savedAt());
        assertArrayEquals(p.image().argb(), store.read(list.getFirst(), ImageLimits.DEFAULT).image().argb());
        store.delete("one");
        assertEquals(List.of(), store.list());
    }

    @Test
    void brokenOrHalfWrittenCopiesAreLeftOut() throws IOException {
        RecoveryStore store = new RecoveryStore(dir);
        store.write("good", ProjectFileTest.sample(8, 8, 1), null, Instant.EPOCH);
        Files.writeString(dir.resolve("broken.json"), "{not json");
        Files.writeString(dir.resolve("broken.vernissage"), "x");
        Files.writeString(dir.resolve("orphan.json"), "{\"savedAt\":\"2026-01-01T00:00:00Z\"}");
        assertEquals(List.of("good"), store.list().stream().map(RecoveryStore.Entry::id).toList());
        assertTrue(store.list().getFirst().original().isEmpty());
    }

    @Test
    void idsCannotLeaveTheFolder() {
        RecoveryStore store = new RecoveryStore(dir);
        assertThrows(IllegalArgumentException.class, () -> store.delete("../x"));
    }
}
