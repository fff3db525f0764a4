package app.vernissage.ui.editor;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The editor in a real (headless) window for TestFX tests: a view-model on its own background
 * thread, the view with its shortcuts, shown on the given stage with a model-set folder.
 */
public final class EditorWindowFixture {
    private ExecutorService background;
    private EditorViewModel model;
    private EditorView view;

    /** Builds and shows the editor; call from a TestFX {@code @Start} method. */
    public void start(Stage stage, Path models, int width, int height) {
        background = Executors.newSingleThreadExecutor();
        model = new EditorViewModel(background, Platform::runLater, models);
        view = new EditorView(model);
        Scene scene = new Scene(view, width, height);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        model.refreshModelSet();
    }

    public EditorViewModel model() {
        return model;
    }

    public EditorView view() {
        return view;
    }

    /** Closes the view-model and stops its background thread; call from {@code @AfterEach}. */
    public void close() {
        model.close();
        background.shutdown();
    }
}
