package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.fill.ClassicalFill;
import app.vernissage.ui.Messages;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless, with no model set installed: Quick fill from Ctrl+Shift+F and from the Mask menu. */
@ExtendWith(ApplicationExtension.class)
class QuickFillWindowTest {
    private final EditorWindowFixture editor = new EditorWindowFixture();

    @Start
    void start(Stage stage) {
        editor.start(stage, Path.of("no-models-here"), 1280, 720);
    }

    @AfterEach
    void close() {
        editor.close();
    }

    private void waitUntilIdle() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !editor.model().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlShiftFFillsTheMaskAsOneUndoableEdit(FxRobot robot) throws Exception {
        EditorViewModel model = editor.model();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.modelSetStateProperty().get() == ModelSetState.MISSING);
        Document doc = QuickFillControllerTest.blotted();
        robot.interact(() -> model.setDocument(doc));
        int[] before = doc.image().argb().clone();
        robot.interact(() -> editor.view().canvas().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        Spinner<Integer> radius = robot.lookup("#quickFillRadius").queryAs(Spinner.class);
        assertEquals(QuickFillController.DEFAULT_RADIUS, radius.getValue());
        robot.clickOn(Messages.get("quickFill.fillButton"));
        waitUntilIdle();

        assertEquals(List.of(Messages.get("edit.quickFill")), model.historyNames(), model.messageProperty().get());
        QuickFillControllerTest.assertNear(0xFF3C78B4, doc.image().argbAt(40, 27), 4, "the blot is filled");
        assertEquals(before[5], doc.image().argb()[5], "outside the mask");
        assertFalse(doc.mask().isEmpty(), "the mask stays");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(before, doc.image().argb(), "Ctrl+Z gives the picture back");
    }

    @Test
    void theMaskMenuOffersQuickFillWithNavierStokes(FxRobot robot) throws Exception {
        EditorViewModel model = editor.model();
        Document doc = QuickFillControllerTest.blotted();
        robot.interact(() -> model.setDocument(doc));
        robot.clickOn("#mask-menu");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(Messages.get("action.quickFill"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#quickFillNs");
        robot.clickOn(Messages.get("quickFill.fillButton"));
        waitUntilIdle();
        assertEquals(ClassicalFill.Method.NAVIER_STOKES, model.quickFill().methodProperty().get());
        QuickFillControllerTest.assertNear(0xFF3C78B4, doc.image().argbAt(40, 27), 1, "Navier-Stokes fills the blot");
        assertEquals(1, model.historyNames().size());
    }

    @Test
    void anEmptyMaskGetsAMessageAndNoDialog(FxRobot robot) throws Exception {
        EditorViewModel model = editor.model();
        robot.interact(() -> model.setDocument(new Document(OutpaintControllerTest.gradient(64, 48), null)));
        robot.interact(() -> editor.view().canvas().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#quick-fill-dialog").tryQuery().isEmpty(), "no dialog");
        assertEquals(Messages.get("quickFill.emptyMask"), model.messageProperty().get());
        assertTrue(model.historyNames().isEmpty());
    }
}
