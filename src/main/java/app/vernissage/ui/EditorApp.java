package app.vernissage.ui;

import app.vernissage.ui.editor.EditorView;
import app.vernissage.ui.editor.EditorViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The editor window. Generations run on one background thread; the FX thread never waits for them. */
public final class EditorApp extends Application {
    private ExecutorService background;
    private EditorViewModel model;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        ScreenshotScript script = ScreenshotScript.parse(args);
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vernissage-engine");
            t.setDaemon(true);
            return t;
        });
        model = EditorViewModel.withPreferences(background, Platform::runLater, EditorViewModel.userPreferences());
        // Recent files and the theme are remembered in the same node as the model-set folder.
        EditorView view = new EditorView(model, EditorViewModel.userPreferences());
        Scene scene = new Scene(view, 1280, 820);
        scene.getStylesheets().add(EditorApp.class.getResource("editor.css").toExternalForm());
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> model.document() == null
                        ? Messages.get("app.title")
                        : Messages.get("app.titleDocument", model.document().file().map(Path::getFileName)
                        .map(Path::toString).orElse("")), model.documentProperty(), model.messageProperty()));
        stage.setOnCloseRequest(e -> {
            if (!view.confirmDiscard()) {
                e.consume();
            }
        });
        model.refreshModelSet();
        script.file().ifPresent(view::openFile);
        stage.show();
        script.start(model, view, scene);
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
        if (background != null) {
            background.shutdown();
        }
    }
}
