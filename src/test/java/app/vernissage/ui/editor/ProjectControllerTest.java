package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.io.AtomicFiles;
import app.vernissage.core.project.GenerationRecord;
import app.vernissage.core.project.KeptVariant;
import app.vernissage.core.project.Project;
import app.vernissage.core.project.ProjectFile;
import app.vernissage.core.project.RecoveryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Projects in the editor without a window: save and open, failed saves, autosave and recovery. Disk
 * work and the "UI thread" run in line (Runnable::run), and the clock is a hand-moved one.
 */
class ProjectControllerTest {
    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();

    private EditorViewModel newModel() {
        EditorViewModel vm = new EditorViewModel(Runnable::run, Runnable::run, dir.resolve("no-models"));
        vm.setClock(clock);
        return vm;
    }

    private ProjectController controller(EditorViewModel vm, RecoveryStore store) {
        return new ProjectController(vm, Runnable::run, Runnable::run, store, clock, null);
    }

    private static PixelImage picture(int w, int h, int salt) {
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF000000 | ((i * 7 + salt) & 0xFFFFFF);
        }
        return new PixelImage(w, h, px, false);
    }

    private static GenerationRecord settings(long seed) {
        return new GenerationRecord("a red door", "blurry", seed, 20, 4.5f, 0.8f, "ddpm", "Demo set", null);
    }

    /** Work with a mask, two kept variants (with settings), one of them accepted, and an earlier record. */
    private EditorViewModel workInProgress() {
        EditorViewModel vm = newModel();
        Project start = new Project(picture(64, 48, 1), Mask.rectangle(64, 48, 4, 4, 30, 20),
                List.of(new GenerationRecord("earlier", "", 7, 50, 4f, 1f, "reference", "Demo set",
                        "2026-11-24T09:00:00Z")),
                List.of(new KeptVariant(picture(64, 48, 2), settings(11)), new KeptVariant(picture(64, 48, 3), settings(12))));
        assertTrue(vm.restoreProject(start, null, null, false));
        MaskOperations.fill(vm.document(), new PixelRect(40, 30, 10, 10), 255);
        vm.show(vm.variants().get(1));
        assertTrue(vm.acceptShown());
        return vm;
    }

    @Test
    void saveThenOpenGivesTheSamePixelsMaskRecordsAndVariants() {
        EditorViewModel vm = workInProgress();
        assertTrue(vm.hasUnsavedWork());
        assertEquals(2, vm.generations().size());
        assertEquals("2026-11-25T10:00:00Z", vm.generations().get(1).acceptedAt());
        assertEquals(12, vm.generations().get(1).seed());
        assertEquals("a red door", vm.generations().get(1).prompt());
        ProjectController projects = controller(vm, new RecoveryStore(dir.resolve("recovery")));

        Path file = dir.resolve("work");
        assertTrue(projects.saveAs(file));
        Path saved = dir.resolve("work.vernissage");
        assertTrue(Files.isRegularFile(saved), vm.messageProperty().get());
        assertEquals(saved, vm.projectFileProperty().get());
        assertFalse(vm.hasUnsavedWork(), "the document is marked saved");
        assertEquals(saved, vm.document().file().orElseThrow());

        EditorViewModel reopened = newModel();
        assertTrue(reopened.open(saved));
        Document doc = reopened.document();
        assertNotNull(doc, reopened.messageProperty().get());
        assertArrayEquals(vm.document().image().argb(), doc.image().argb());
        assertArrayEquals(vm.document().mask().values(), doc.mask().values());
        assertEquals(List.copyOf(vm.generations()), List.copyOf(reopened.generations()));
        assertEquals(vm.variants().size(), reopened.variants().size());
        for (int i = 0; i < vm.variants().size(); i++) {
            assertArrayEquals(vm.variants().get(i).image().argb(), reopened.variants().get(i).image().argb());
            assertEquals(vm.variants().get(i).settings(), reopened.variants().get(i).settings());
            assertEquals(vm.variants().get(i).seed(), reopened.variants().get(i).seed());
        }
        assertEquals(saved, reopened.projectFileProperty().get());
        assertFalse(reopened.hasUnsavedWork());

        // A change makes it unsaved again (a confirmation would ask); Ctrl+S writes the same file.
        reopened.invertMask();
        assertTrue(reopened.hasUnsavedWork());
        ProjectController again = controller(reopened, new RecoveryStore(dir.resolve("recovery")));
        assertTrue(again.save());
        assertFalse(reopened.hasUnsavedWork());
    }

    @Test
    void exportDoesNotCountAsSavingAProject() {
        EditorViewModel vm = workInProgress();
        ProjectController projects = controller(vm, new RecoveryStore(dir.resolve("recovery")));
        assertTrue(projects.saveAs(dir.resolve("p.vernissage")));
        vm.invertMask();
        assertTrue(vm.export(dir.resolve("flat.png")));
        assertTrue(vm.hasUnsavedWork(), "the project itself still has unsaved changes");
        assertEquals(dir.resolve("p.vernissage"), vm.projectFileProperty().get());
    }

    @Test
    void saveWithoutAProjectFileAsksForOne() {
        EditorViewModel vm = workInProgress();
        ProjectController projects = controller(vm, new RecoveryStore(dir.resolve("recovery")));
        assertFalse(projects.save());
        assertNull(vm.projectFileProperty().get());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndSaysWhy() throws IOException {
        EditorViewModel vm = workInProgress();
        ProjectController projects = controller(vm, new RecoveryStore(dir.resolve("recovery")));
        Path file = dir.resolve("keep.vernissage");
        assertTrue(projects.saveAs(file));
        byte[] before = Files.readAllBytes(file);
        vm.invertMask();
        // The real atomic path, failing half way (as a full disk would).
        projects.setWriter((project, target) -> AtomicFiles.write(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("No space left on device");
        }));
        assertTrue(projects.save());
        assertArrayEquals(before, Files.readAllBytes(file), "the old file is untouched");
        assertTrue(vm.messageProperty().get().contains("No space left on device"), vm.messageProperty().get());
        assertTrue(vm.hasUnsavedWork(), "still unsaved");
        try (var list = Files.list(dir)) {
            assertEquals(List.of(), list.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
        }
    }

    @Test
    void aTargetThatIsAFolderIsRefused() throws IOException {
        EditorViewModel vm = workInProgress();
        ProjectController projects = controller(vm, new RecoveryStore(dir.resolve("recovery")));
        Path folder = Files.createDirectories(dir.resolve("folder.vernissage"));
        Files.writeString(folder.resolve("inside.txt"), "x");
        assertTrue(projects.saveAs(folder));
        assertTrue(Files.isDirectory(folder));
        assertEquals("x", Files.readString(folder.resolve("inside.txt")));
        assertTrue(vm.hasUnsavedWork());
        assertNull(vm.projectFileProperty().get());
        assertTrue(vm.messageProperty().get().contains("folder.vernissage"), vm.messageProperty().get());
    }

    @Test
    void aReadOnlyFolderLeavesTheOldFile() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write into read-only folders");
        EditorViewModel vm = workInProgress();
        ProjectController projects = controller(vm, new RecoveryStore(dir.resolve("recovery")));
        Path folder = Files.createDirectories(dir.resolve("ro"));
        Path file = folder.resolve("p.vernissage");
        assertTrue(projects.saveAs(file));
        byte[] before = Files.readAllBytes(file);
        vm.invertMask();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertTrue(projects.save());
            assertArrayEquals(before, Files.readAllBytes(file));
            assertTrue(vm.hasUnsavedWork());
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void autosaveWritesARecoveryCopyOnlyWhenThereAreUnsavedChanges() throws Exception {
        EditorViewModel vm = newModel();
        Path picture = dir.resolve("photo.png");
        ImageFiles.write(picture(40, 30, 5), picture, 1f);
        assertTrue(vm.open(picture));
        RecoveryStore store = new RecoveryStore(dir.resolve("recovery"));
        ProjectController projects = controller(vm, store);
        assertEquals(ProjectController.DEFAULT_AUTOSAVE_MINUTES, projects.autosaveMinutes());

        clock.advance(Duration.ofMinutes(3));
        assertFalse(projects.autosaveIfDue(), "nothing changed");
        assertEquals(List.of(), store.list());

        vm.invertMask();
        clock.advance(Duration.ofSeconds(30));
        assertFalse(projects.autosaveIfDue(), "not due yet");
        clock.advance(Duration.ofMinutes(2));
        assertTrue(projects.autosaveIfDue());
        List<RecoveryStore.Entry> entries = store.list();
        assertEquals(1, entries.size());
        assertEquals(picture.toAbsolutePath(), entries.getFirst().original().orElseThrow());
        assertEquals(clock.now, entries.getFirst().savedAt());
        assertArrayEquals(vm.document().mask().values(), ProjectFile.read(entries.getFirst().project(),
                app.vernissage.core.image.ImageLimits.DEFAULT).mask().values());

        clock.advance(Duration.ofMinutes(5));
        assertFalse(projects.autosaveIfDue(), "no change since the last copy");

        projects.setAutosaveMinutes(0);
        vm.invertMask();
        clock.advance(Duration.ofMinutes(50));
        assertFalse(projects.autosaveIfDue(), "off");

        projects.setAutosaveMinutes(1);
        assertTrue(projects.saveAs(dir.resolve("photo.vernissage")));
        assertEquals(List.of(), store.list(), "a clean save removes the recovery copy");
        assertFalse(Files.exists(store.dir().resolve(projects.recoveryId() + ".vernissage")));
    }

    @Test
    void aCleanCloseRemovesTheRecoveryCopy() throws IOException {
        EditorViewModel vm = workInProgress();
        RecoveryStore store = new RecoveryStore(dir.resolve("recovery"));
        ProjectController projects = controller(vm, store);
        clock.advance(Duration.ofMinutes(2));
        assertTrue(projects.autosaveIfDue());
        assertEquals(1, store.list().size());
        projects.closeCleanly();
        assertEquals(List.of(), store.list());
    }

    @Test
    void openingOtherWorkDropsTheOldRecoveryCopy() throws IOException {
        EditorViewModel vm = workInProgress();
        RecoveryStore store = new RecoveryStore(dir.resolve("recovery"));
        ProjectController projects = controller(vm, store);
        clock.advance(Duration.ofMinutes(2));
        assertTrue(projects.autosaveIfDue());
        String first = projects.recoveryId();
        vm.newCanvas(64, 64);
        assertEquals(List.of(), store.list());
        assertFalse(first.equals(projects.recoveryId()));
    }

    @Test
    void recoveryCopiesAreListedAndRestoredAsUnsavedWork() throws IOException {
        RecoveryStore store = new RecoveryStore(dir.resolve("recovery"));
        Project older = new Project(picture(32, 32, 8), Mask.filled(32, 32, 0), List.of(), List.of());
        Project newer = new Project(picture(48, 32, 9), Mask.rectangle(48, 32, 1, 1, 10, 10),
                List.of(settings(3)), List.of(new KeptVariant(picture(48, 32, 4), settings(4))));
        Path original = dir.resolve("poster.vernissage");
        store.write("aaaa-1", older, null, Instant.parse("2026-11-20T08:00:00Z"));
        store.write("bbbb-2", newer, original, Instant.parse("2026-11-21T08:00:00Z"));

        EditorViewModel vm = newModel();
        ProjectController projects = controller(vm, store);
        List<RecoveryStore.Entry> found = new ArrayList<>();
        projects.findRecoveries(found::addAll);
        assertEquals(List.of("bbbb-2", "aaaa-1"), found.stream().map(RecoveryStore.Entry::id).toList());
        assertEquals("poster.vernissage", found.getFirst().originalName());
        assertEquals("", found.get(1).originalName());
        assertTrue(RecoveryDialog.describe(found.getFirst()).contains("poster.vernissage"));

        projects.restore(found.getFirst());
        assertNotNull(vm.document(), vm.messageProperty().get());
        assertArrayEquals(newer.image().argb(), vm.document().image().argb());
        assertArrayEquals(newer.mask().values(), vm.document().mask().values());
        assertEquals(1, vm.variants().size());
        assertEquals(newer.generations(), List.copyOf(vm.generations()));
        assertTrue(vm.hasUnsavedWork(), "restored work is unsaved");
        assertEquals(original, vm.projectFileProperty().get(), "Save writes to where it came from");
        assertEquals(2, store.list().size(), "the copy stays until the work is saved");

        assertTrue(projects.save());
        assertTrue(Files.isRegularFile(original));
        assertFalse(vm.hasUnsavedWork());
        assertEquals(List.of("aaaa-1"), store.list().stream().map(RecoveryStore.Entry::id).toList());

        projects.discard(store.list());
        assertEquals(List.of(), store.list());
    }

    @Test
    void theAutosaveIntervalIsKeptInThePreferences() throws Exception {
        java.util.prefs.Preferences prefs = java.util.prefs.Preferences.userRoot()
                .node("app/vernissage-test/" + System.nanoTime());
        try {
            EditorViewModel vm = newModel();
            ProjectController a = new ProjectController(vm, Runnable::run, Runnable::run,
                    new RecoveryStore(dir), clock, prefs);
            assertEquals(2, a.autosaveMinutes());
            a.setAutosaveMinutes(7);
            ProjectController b = new ProjectController(newModel(), Runnable::run, Runnable::run,
                    new RecoveryStore(dir), clock, prefs);
            assertEquals(7, b.autosaveMinutes());
            b.setAutosaveMinutes(-3);
            assertEquals(0, b.autosaveMinutes());
        } finally {
            prefs.removeNode();
        }
    }

    @Test
    void extendingTheCanvasKeepsTheProjectAndItsRecoveryCopy() throws IOException {
        EditorViewModel vm = workInProgress();
        RecoveryStore store = new RecoveryStore(dir.resolve("recovery"));
        ProjectController projects = controller(vm, store);
        Path file = dir.resolve("wide.vernissage");
        assertTrue(projects.saveAs(file));
        vm.invertMask();
        clock.advance(Duration.ofMinutes(2));
        assertTrue(projects.autosaveIfDue());
        String id = projects.recoveryId();
        assertTrue(vm.outpaint().extend(0, 0, 32, 0), vm.messageProperty().get());
        assertEquals(96, vm.document().width(), vm.messageProperty().get());
        assertEquals(file, vm.projectFileProperty().get());
        assertEquals(2, vm.generations().size());
        assertEquals(id, projects.recoveryId());
        assertEquals(1, store.list().size());
        assertTrue(vm.hasUnsavedWork());
        assertTrue(projects.save());
        assertFalse(vm.hasUnsavedWork());
        assertEquals(List.of(), store.list());
        EditorViewModel reopened = newModel();
        assertTrue(reopened.open(file));
        assertEquals(96, reopened.document().width());
        assertEquals(0, reopened.variants().size(), "variants of the old size are not kept");
    }
}
