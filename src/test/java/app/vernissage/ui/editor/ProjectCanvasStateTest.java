package app.vernissage.ui.editor;

import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.document.Document;
import app.vernissage.core.project.CanvasState;
import app.vernissage.core.project.Project;
import app.vernissage.core.project.ProjectFile;
import app.vernissage.core.project.RecoveryStore;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.core.window.ManualWindow.Handle;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outpainting state in projects (format 2), without a window: a window placed by hand and the
 * Extend settings survive saving and opening in a fresh editor, and Generate there works on the same
 * window; recovery copies keep them too; a format-1 project leaves the editor's settings alone.
 */
class ProjectCanvasStateTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    @TempDir
    static Path shared;
    @TempDir
    Path dir;
    /** Where the work is done and saved. */
    @AutoClose
    static ViewModelFixture first;
    /** A fresh editor that opens what {@link #first} saved. */
    @AutoClose
    static ViewModelFixture second;

    @BeforeAll
    static void start() throws Exception {
        first = ViewModelFixture.withDemoSet(shared.resolve("models-1"), WAIT);
        second = ViewModelFixture.withDemoSet(shared.resolve("models-2"), WAIT);
    }

    @BeforeEach
    void defaults() {
        for (ViewModelFixture f : List.of(first, second)) {
            EditorViewModel vm = f.vm();
            vm.randomSeedProperty().set(false);
            vm.seedProperty().set(5);
            vm.stepsProperty().set(2);
            vm.variantCountProperty().set(1);
            vm.promptProperty().set("a wide landscape");
            vm.outpaint().overlapProperty().set(CanvasState.DEFAULT_OVERLAP);
            vm.outpaint().paddingProperty().set(CanvasState.DEFAULT_PADDING);
            vm.outpaint().fillProperty().set(OutpaintController.Fill.BLUR);
        }
    }

    private static void runUntil(ViewModelFixture f, java.util.function.BooleanSupplier done) {
        try {
            f.ui().runUntil(done, WAIT);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * In {@link #first}: a 1024 x 64 gradient extended 64 px to the right with overlap 40 and no pre-fill,
     * padding 16, and the window's left edge pulled 400 px out by hand. Returns the user's window.
     */
    private static ContextWindow placeWindowByHand() {
        EditorViewModel vm = first.vm();
        vm.setDocument(new Document(OutpaintControllerTest.gradient(1024, 64), null));
        vm.outpaint().overlapProperty().set(40);
        vm.outpaint().fillProperty().set(OutpaintController.Fill.NONE);
        assertTrue(vm.outpaint().extend(0, 0, 64, 0), vm.messageProperty().get());
        runUntil(first, () -> !vm.outpaint().extendingProperty().get() && vm.outpaint().windowProperty().get() != null);
        vm.outpaint().paddingProperty().set(16);
        runUntil(first, () -> vm.outpaint().windowProperty().get() != null && vm.outpaint().windowProperty().get().x() >= 900);
        Rect automatic = vm.outpaint().windowProperty().get();
        vm.outpaint().resizeWindow(vm.outpaint().shownWindow(), Handle.LEFT, -400, 0);
        assertTrue(vm.outpaint().manualWindowProperty().get());
        ContextWindow manual = vm.outpaint().manualWindow();
        assertNotNull(manual);
        assertNotEquals(automatic, manual.region());
        assertEquals(manual.region(), vm.outpaint().windowProperty().get());
        return manual;
    }

    private ProjectController projects(EditorViewModel vm, ProjectControllerTest.ManualClock clock) {
        return new ProjectController(vm, Runnable::run, Runnable::run, new RecoveryStore(dir.resolve("recovery")), clock, null);
    }

    @Test
    void aHandPlacedWindowIsSavedAndAFreshEditorGeneratesOnIt() throws Exception {
        ContextWindow manual = placeWindowByHand();
        EditorViewModel vm = first.vm();
        assertTrue(projects(vm, new ProjectControllerTest.ManualClock()).saveAs(dir.resolve("wide")));
        Path saved = dir.resolve("wide.vernissage");
        assertEquals(saved, vm.projectFileProperty().get(), vm.messageProperty().get());
        assertFalse(vm.hasUnsavedWork());
        assertEquals(new CanvasState(true, java.util.Optional.of(manual), 40, 16, CanvasState.PreFillMethod.NONE),
                ProjectFile.read(saved, ImageLimits.DEFAULT).canvas().orElseThrow(), "what the file holds");

        EditorViewModel fresh = second.vm();
        fresh.setDocument(new Document(OutpaintControllerTest.gradient(64, 64), null)); // whatever an earlier test left
        assertFalse(fresh.outpaint().windowedProperty().get());
        assertFalse(fresh.outpaint().manualWindowProperty().get());
        Document blank = fresh.document();
        assertTrue(fresh.open(saved));
        runUntil(second, () -> fresh.document() != blank && fresh.outpaint().windowProperty().get() != null);
        assertEquals(saved, fresh.projectFileProperty().get(), fresh.messageProperty().get());
        assertEquals(manual.region(), fresh.outpaint().windowProperty().get(), "the dashed window is the saved one");
        assertTrue(fresh.outpaint().manualWindowProperty().get(), "and it is the user's, not the automatic one");
        assertEquals(manual, fresh.outpaint().manualWindow());
        assertTrue(fresh.outpaint().windowedProperty().get());
        assertEquals(40, fresh.outpaint().overlapProperty().get(), "the Extend dialog's settings");
        assertEquals(16, fresh.outpaint().paddingProperty().get());
        assertEquals(OutpaintController.Fill.NONE, fresh.outpaint().fillProperty().get());
        assertFalse(fresh.hasUnsavedWork(), "opening is not a change");

        fresh.generate();
        assertTrue(fresh.runningProperty().get(), fresh.messageProperty().get());
        runUntil(second, () -> !fresh.runningProperty().get());
        assertEquals(1, fresh.variants().size(), fresh.messageProperty().get());
        ContextWindow used = fresh.outpaint().lastUsedWindow();
        assertNotNull(used);
        assertEquals(manual, used, "Generate worked on the saved window, working size included");

        vm.generate();
        runUntil(first, () -> !vm.runningProperty().get());
        assertEquals(manual, vm.outpaint().lastUsedWindow());
        assertArrayEquals(vm.variants().getLast().image().argb(), fresh.variants().getLast().image().argb(),
                "same picture, mask, seed and window: the same result as before saving");
    }

    @Test
    void resizingTheWindowIsUnsavedWorkAndTheRecoveryCopyKeepsIt() throws Exception {
        placeWindowByHand();
        EditorViewModel vm = first.vm();
        ProjectControllerTest.ManualClock clock = new ProjectControllerTest.ManualClock();
        ProjectController projects = projects(vm, clock);
        assertTrue(projects.saveAs(dir.resolve("moved")));
        assertFalse(vm.hasUnsavedWork());

        ContextWindow before = vm.outpaint().manualWindow();
        vm.outpaint().resizeWindow(vm.outpaint().shownWindow(), Handle.LEFT, -200, 0);
        ContextWindow moved = vm.outpaint().manualWindow();
        assertNotEquals(before, moved);
        assertTrue(vm.hasUnsavedWork(), "a window moved by hand is a change to keep");
        clock.advance(Duration.ofMinutes(ProjectController.DEFAULT_AUTOSAVE_MINUTES + 1));
        assertTrue(projects.autosaveIfDue());
        List<RecoveryStore.Entry> copies = new RecoveryStore(dir.resolve("recovery")).list();
        assertEquals(1, copies.size());
        Project copy = new RecoveryStore(dir.resolve("recovery")).read(copies.getFirst(), ImageLimits.DEFAULT);
        assertEquals(moved, copy.canvas().orElseThrow().manualWindow().orElseThrow());

        EditorViewModel fresh = second.vm();
        Document earlier = fresh.document();
        projects(fresh, clock).restore(copies.getFirst());
        runUntil(second, () -> fresh.document() != earlier && fresh.outpaint().windowProperty().get() != null);
        assertEquals(1088, fresh.document().width(), fresh.messageProperty().get());
        assertEquals(moved.region(), fresh.outpaint().windowProperty().get());
        assertEquals(moved, fresh.outpaint().manualWindow());
        assertEquals(40, fresh.outpaint().overlapProperty().get());
        assertTrue(fresh.hasUnsavedWork(), "a restored copy is unsaved work");
    }

    @Test
    void aFormatOneProjectLeavesTheSettingsAsTheyWere() {
        EditorViewModel vm = second.vm();
        vm.setDocument(new Document(OutpaintControllerTest.gradient(256, 64), null));
        vm.outpaint().windowedProperty().set(true);
        vm.outpaint().overlapProperty().set(8);
        vm.outpaint().paddingProperty().set(200);
        vm.outpaint().fillProperty().set(OutpaintController.Fill.NONE);
        assertTrue(vm.open(Path.of("src/test/resources/projects/format-1.vernissage")));
        runUntil(second, () -> vm.document() != null && vm.document().width() == 16);
        assertFalse(vm.outpaint().windowedProperty().get(), "as with any picture opened: the whole picture");
        assertFalse(vm.outpaint().manualWindowProperty().get());
        assertEquals(8, vm.outpaint().overlapProperty().get());
        assertEquals(200, vm.outpaint().paddingProperty().get());
        assertEquals(OutpaintController.Fill.NONE, vm.outpaint().fillProperty().get());
        assertFalse(vm.hasUnsavedWork());
    }
}
