package app.vernissage.ui.models;

import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.ui.editor.EditorViewModel;
import app.vernissage.ui.editor.EditorWindowFixture;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The side panel's Models... button opens the page on the editor's model set; no retry offer before a failure. */
@ExtendWith(ApplicationExtension.class)
class ModelsPageFromEditorTest {
    @TempDir
    static Path models;
    private final EditorWindowFixture window = new EditorWindowFixture();
    private EditorViewModel model;

    @BeforeAll
    static void writeDemoSet() throws IOException {
        SyntheticModelSet.write(models, SyntheticModelSet.Options.demo());
    }

    @Start
    void start(Stage stage) {
        window.start(stage, models, 1000, 700);
        model = window.model();
    }

    @AfterEach
    void stop() {
        window.close();
        Platform.runLater(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#modelsPage") != null).forEach(Window::hide));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensThePage(FxRobot robot) throws Exception {
        assertFalse(robot.lookup("#retryLighterPlacement").queryAs(Button.class).isVisible());
        Button open = robot.lookup("#openModelsPage").queryAs(Button.class);
        robot.interact(open::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#modelsTable").tryQuery()
                .map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        TableView<?> table = robot.lookup("#modelsTable").queryAs(TableView.class);
        assertTrue(table.getItems().stream().anyMatch(r -> ((ModelsPageModel.Row) r).file().equals("unet.onnx")));
    }
}
