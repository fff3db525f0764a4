package app.vernissage.ui.models;

import app.vernissage.engine.runtime.CudaDiagnostics;
import app.vernissage.engine.runtime.PlacementPreset;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The models page in a real (headless) window on the demo set. */
@ExtendWith(ApplicationExtension.class)
class ModelsPageWindowTest {
    @TempDir
    static Path models;
    private ExecutorService background;
    private ModelsPageModel model;
    private final List<PlacementSettings> applied = new ArrayList<>();

    @BeforeAll
    static void writeDemoSet() throws IOException {
        SyntheticModelSet.write(models, SyntheticModelSet.Options.demo());
    }

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        model = new ModelsPageModel(background, Platform::runLater, models, PlacementSettings.DEFAULT,
                () -> OptionalLong.of(12288L << 20),
                () -> CudaDiagnostics.check(models.resolve("no-root"), Map.of(), "Linux", () -> ""), applied::add);
        stage.setScene(new Scene(new ModelsPage(model), 820, 640));
        stage.show();
        model.refresh();
    }

    @AfterEach
    void stop() {
        background.shutdown();
    }

    @Test
    void showsOneRowPerFileTheSuggestionAndCudaLinesAndApplies(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.rows().isEmpty() && !model.checkingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#modelsTable").queryAs(TableView.class);
        List<String> files = model.rows().stream().map(ModelsPageModel.Row::file).toList();
        assertEquals(files.size(), table.getItems().size());
        assertTrue(files.contains("unet.onnx") && files.contains("text_encoder.onnx"), files.toString());
        assertTrue(robot.lookup(".table-row-cell").queryAll().size() >= files.size());
        assertTrue(robot.lookup("unet.onnx").tryQuery().isPresent(), "the U-Net's row is drawn");
        assertTrue(robot.lookup("#modelsAdvice").queryAs(Label.class).getText().contains("everything runs on the GPU"));
        assertTrue(robot.lookup("#modelsEstimate").queryAs(Label.class).getText().contains("1024x1024"));
        assertEquals(4, robot.lookup("#modelsCuda").queryAs(ListView.class).getItems().size());
        assertTrue(robot.lookup("#modelsSummary").queryAs(Label.class).getText().contains(models.toString()));

        @SuppressWarnings("unchecked")
        ComboBox<PlacementPreset> placement = robot.lookup("#modelsPlacement").queryAs(ComboBox.class);
        robot.interact(() -> placement.setValue(PlacementPreset.TEXT_ON_CPU));
        robot.clickOn("#modelsApply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, applied.size());
        assertEquals(PlacementPreset.TEXT_ON_CPU, applied.getFirst().preset());
    }
}
