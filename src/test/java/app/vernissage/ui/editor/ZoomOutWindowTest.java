package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.ui.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless: the zoom-out dialog refuses 0 frames in place, then writes the files. */
@ExtendWith(ApplicationExtension.class)
class ZoomOutWindowTest {
    @TempDir
    static Path shared;
    static Path models;
    @TempDir
    Path dir;
    private final EditorWindowFixture editor = new EditorWindowFixture();

    @BeforeAll
    static void writeModels() throws IOException {
        models = shared.resolve("models");
        SyntheticModelSet.write(models, SyntheticModelSet.Options.demo());
    }

    @Start
    void start(Stage stage) {
        editor.start(stage, models, 1280, 720);
    }

    @AfterEach
    void close() {
        editor.close();
    }

    @Test
    void zeroFramesIsRefusedInTheDialogThenStartWritesTheVideo(FxRobot robot) throws Exception {
        EditorViewModel model = editor.model();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.modelSetStateProperty().get() == ModelSetState.READY);
        Document doc = new Document(OutpaintControllerTest.gradient(64, 48), null);
        robot.interact(() -> {
            model.setDocument(doc);
            model.stepsProperty().set(2);
            model.randomSeedProperty().set(false);
        });
        int[] before = doc.image().argb().clone();
        robot.clickOn("#zoom-out");
        WaitForAsyncUtils.waitForFxEvents();
        Path out = dir.resolve("video");
        @SuppressWarnings("unchecked")
        Spinner<Integer> frames = robot.lookup("#zoomFrames").queryAs(Spinner.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> steps = robot.lookup("#zoomSteps").queryAs(Spinner.class);
        robot.interact(() -> {
            frames.getEditor().setText("0");
            steps.getEditor().setText("1");
            robot.lookup("#zoomFolder").queryAs(TextField.class).setText(out.toString());
            robot.lookup("#zoomPrompts").queryAs(TextArea.class).setText("a foggy forest");
        });
        robot.clickOn(Messages.get("zoomOut.startButton"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Messages.get("zoomOut.badFrames", "2", "10000", "0"),
                robot.lookup("#zoomProblem").queryAs(Label.class).getText());
        assertFalse(model.runningProperty().get(), "nothing runs");
        assertFalse(Files.exists(out));

        robot.interact(() -> frames.getEditor().setText("3"));
        robot.clickOn(Messages.get("zoomOut.startButton"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#zoom-out-dialog").tryQuery().isEmpty(), "the dialog closed");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.exists(out.resolve("keyframe-01.png")), model.messageProperty().get());
        assertTrue(Files.exists(out.resolve("frame-0002.png")));
        assertFalse(Files.exists(out.resolve("frame-0003.png")));
        assertEquals(3, ZoomOutControllerTest.gifFrames(out.resolve("zoom.gif")));
        assertArrayEquals(before, model.document().image().argb(), "the picture is not changed");
        assertTrue(model.historyNames().isEmpty());
    }
}
