package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.project.RecoveryStore;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless: Save project as (through the controller), then the same file through Open. */
@ExtendWith(ApplicationExtension.class)
class ProjectWindowTest {
    @TempDir
    Path dir;
    private EditorViewModel model;
    private EditorView view;
    private ProjectController projects;
    private ExecutorService background;
    private ExecutorService io;

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        io = Executors.newSingleThreadExecutor();
        model = new EditorViewModel(background, Platform::runLater, Path.of("no-such-model-set"));
        view = new EditorView(model);
        projects = new ProjectController(model, io, Platform::runLater,
                new RecoveryStore(Path.of(System.getProperty("java.io.tmpdir"), "vernissage-test-recovery-" + System.nanoTime())),
                Clock.systemUTC(), null);
        view.setProjects(projects);
        Scene scene = new Scene(view, 900, 600);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        model.close();
        background.shutdown();
        io.shutdown();
    }

    @Test
    void saveProjectAsThenOpenRestoresTheWork(FxRobot robot) throws Exception {
        int[] px = new int[200 * 120];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF000000 | (i * 31);
        }
        Document doc = new Document(new PixelImage(200, 120, px, false), null);
        robot.interact(() -> {
            model.setDocument(doc);
            model.applyMaskEdit(d -> MaskOperations.fill(d, new PixelRect(20, 10, 50, 40), 255));
        });
        assertTrue(model.hasUnsavedWork());
        byte[] mask = doc.mask().values().clone();
        Path file = dir.resolve("window.vernissage");
        robot.interact(() -> assertTrue(projects.saveAs(file)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> file.equals(model.projectFileProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.isRegularFile(file));
        assertFalse(model.hasUnsavedWork());
        assertEquals(file, model.projectFileProperty().get());

        robot.interact(() -> model.newCanvas(64, 64));
        assertFalse(model.document().width() == 200);
        robot.interact(() -> assertTrue(view.openFile(file)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> file.equals(model.projectFileProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(px, model.document().image().argb());
        assertArrayEquals(mask, model.document().mask().values());
        assertEquals(file, model.projectFileProperty().get());
        assertFalse(model.hasUnsavedWork());
        assertTrue(view.recentFiles().files().contains(file));
        assertFalse(robot.lookup("#project-menu").query().isDisabled());
    }
}
