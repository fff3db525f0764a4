package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.PixelImage;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless: rectangle and lasso selections, the history menu, recent files, theme. */
@ExtendWith(ApplicationExtension.class)
class CanvasToolsWindowTest {
    private EditorViewModel model;
    private EditorView view;
    private Preferences node;

    @Start
    void start(Stage stage) {
        node = Preferences.userRoot().node("app/vernissage-test/" + UUID.randomUUID());
        model = new EditorViewModel(Runnable::run, Platform::runLater, Path.of("no-models-here"));
        view = new EditorView(model, node);
        Scene scene = new Scene(view, 1280, 700);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        node.removeNode();
    }

    private void open(Document doc, FxRobot robot) {
        robot.interact(() -> model.setDocument(doc));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screenPoint(double imageX, double imageY) {
        ViewTransform t = view.canvas().transformProperty().get();
        return view.canvas().localToScreen(t.viewX(imageX), t.viewY(imageY));
    }

    @Test
    void aRectangleDragBecomesMaskAndCtrlZClearsIt(FxRobot robot) {
        open(new Document(PixelImage.filled(300, 200, 0xFF506070), null), robot);
        robot.clickOn("#tool-rectangle");
        assertEquals(CanvasTool.RECTANGLE, view.canvas().toolProperty().get());
        robot.moveTo(screenPoint(50, 40)).press(MouseButton.PRIMARY);
        robot.moveTo(screenPoint(150, 100)).moveTo(screenPoint(200, 140));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.canvas().selectionOutlineVisible(), "marching outline while dragging");
        assertTrue(model.document().mask().isEmpty(), "nothing before release");
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.canvas().selectionOutlineVisible());

        Document doc = model.document();
        assertEquals(255, doc.mask().valueAt(60, 50));
        assertEquals(255, doc.mask().valueAt(190, 130));
        assertEquals(0, doc.mask().valueAt(40, 50));
        assertEquals(0, doc.mask().valueAt(120, 160));
        assertEquals(List.of("Rectangle selection"), model.historyNames());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(doc.mask().isEmpty(), "Ctrl+Z clears the selection's mask");
    }

    @Test
    void lassoWithTheRightButtonSubtractsAndTheHistoryMenuJumps(FxRobot robot) {
        open(new Document(PixelImage.filled(300, 200, 0xFF506070), null), robot);
        robot.interact(() -> model.applyMaskEdit(d -> app.vernissage.core.selection.MaskShapes.rectangle(d,
                d.bounds(), app.vernissage.core.selection.SelectionMode.ADD)));
        robot.interact(() -> view.canvas().requestFocus());
        robot.type(KeyCode.L);
        assertEquals(CanvasTool.LASSO, view.canvas().toolProperty().get());
        robot.moveTo(screenPoint(100, 50)).press(MouseButton.SECONDARY);
        robot.moveTo(screenPoint(200, 50)).moveTo(screenPoint(200, 150)).moveTo(screenPoint(100, 150))
                .release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        Document doc = model.document();
        assertEquals(0, doc.mask().valueAt(150, 100), "the right button subtracts");
        assertEquals(255, doc.mask().valueAt(50, 100));
        assertEquals(2, model.historyPosition());

        robot.clickOn("#history");
        WaitForAsyncUtils.waitForFxEvents();
        MenuItem first = view.historyMenuButton().getItems().get(1);
        assertTrue(first.getText().endsWith("Rectangle selection"), first.getText());
        robot.clickOn(first.getText());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.historyPosition(), "jumped back to the first edit");
        assertEquals(255, doc.mask().valueAt(150, 100));

        robot.clickOn("#history");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(view.historyMenuButton().getItems().getFirst().getText());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, model.historyPosition());
        assertTrue(doc.mask().isEmpty());
    }

    @Test
    void openedFilesAreRememberedAndTheThemeToo(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("one.png");
        ImageFiles.write(PixelImage.filled(20, 10, 0xFF112233), file, 1f);
        robot.interact(() -> assertTrue(view.openFile(file)));
        assertEquals(List.of(file.toAbsolutePath().normalize()), new RecentFiles(node).files());

        robot.clickOn("#dark-theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(node.getBoolean(EditorView.DARK_KEY, false));
        assertTrue(view.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("editor-dark.css")));
        robot.clickOn("#dark-theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(node.getBoolean(EditorView.DARK_KEY, true));
        assertTrue(view.getScene().getStylesheets().stream().noneMatch(s -> s.endsWith("editor-dark.css")));
    }

    @Test
    void ctrlAltGAsksForPixelsAndGrowsTheMask(FxRobot robot) {
        open(new Document(PixelImage.filled(120, 80, 0xFF506070), null), robot);
        robot.interact(() -> model.applyMaskEdit(d -> app.vernissage.core.selection.MaskShapes.rectangle(d,
                new app.vernissage.core.document.PixelRect(40, 30, 20, 10),
                app.vernissage.core.selection.SelectionMode.ADD)));
        robot.interact(() -> view.canvas().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.ALT).type(KeyCode.G).release(KeyCode.ALT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Spinner<?> spinner = robot.lookup("#pixels").queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> spinner.getEditor().setText("3"));
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        // Grow runs on the background executor; wait until its edit is recorded on the FX thread.
        long deadline = System.currentTimeMillis() + 10_000;
        while (model.historyNames().size() < 2 && System.currentTimeMillis() < deadline) {
            WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        Document doc = model.document();
        assertEquals(255, doc.mask().valueAt(37, 35), "3 px to the left is grown");
        assertEquals(0, doc.mask().valueAt(36, 35));
        assertEquals(0, doc.mask().valueAt(37, 27), "the corner is round: (37,27) is sqrt(18) > 3 away");
        assertEquals(List.of("Rectangle selection", "Grow mask"), model.historyNames());
    }
}
