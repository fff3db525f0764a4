package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless: Extend canvas from the toolbar and with Ctrl+E. */
@ExtendWith(ApplicationExtension.class)
class ExtendCanvasWindowTest {
    private EditorViewModel model;
    private EditorView view;

    @Start
    void start(Stage stage) {
        model = new EditorViewModel(Runnable::run, Platform::runLater, Path.of("no-models-here"));
        view = new EditorView(model, null);
        Scene scene = new Scene(view, 1280, 700);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void toolbarButtonOpensTheDialogAndExtendGrowsTheCanvas(FxRobot robot) {
        robot.interact(() -> model.setDocument(new Document(OutpaintControllerTest.gradient(64, 48), null)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#extend");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        Spinner<Integer> right = robot.lookup("#extendRight").queryAs(Spinner.class);
        robot.interact(() -> right.getEditor().setText("32"));
        robot.clickOn("Extend");
        WaitForAsyncUtils.waitForFxEvents();
        Document doc = model.document();
        assertEquals(96, doc.width(), model.messageProperty().get());
        assertEquals(48, doc.height());
        assertEquals(255, doc.mask().valueAt(80, 10));
        assertEquals(0, doc.mask().valueAt(5, 10));
        assertEquals(List.of("Extend canvas"), model.historyNames());
        WaitForAsyncUtils.waitForFxEvents();
        ContextWindowOverlay overlay = robot.lookup("#context-window").queryAs(ContextWindowOverlay.class);
        assertTrue(overlay.windowVisible(), "the context window is drawn");
    }

    @Test
    void ctrlEWithThePresetDoublesTheWidth(FxRobot robot) {
        robot.interact(() -> model.setDocument(new Document(OutpaintControllerTest.gradient(64, 48), null)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.canvas().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#extendPresetX2");
        robot.clickOn("Extend");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(128, model.document().width(), model.messageProperty().get());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(64, model.document().width(), "undo gives the old size back");
    }
}
