package app.vernissage.ui;

import app.vernissage.ui.editor.EditorView;
import app.vernissage.ui.editor.EditorViewModel;
import app.vernissage.ui.editor.ProjectController;
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
    private ProjectController projects;

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
        projects = ProjectController.forApp(model, Platform::runLater, EditorViewModel.userPreferences());
        view.setProjects(projects);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> model.document() == null
                        ? Messages.get("app.title")
                        : Messages.get("app.titleDocument", model.document().file().map(Path::getFileName)
                        .map(Path::toString).orElse("")), model.documentProperty(), model.messageProperty()));
        stage.setOnCloseRequest(e -> {
            if (!view.confirmDiscard()) {
                e.consume();
            } else {
                projects.closeCleanly();
            }
        });
        model.refreshModelSet();
        script.file().ifPresent(view::openFile);
        stage.show();
        java.util.Optional<Path> report = StartupReport.parse(args);
        if (report.isPresent()) {
            StartupReport.arm(scene, report.get());
            return;
        }
        script.start(model, view, scene);
        projects.startAutosave(java.time.Duration.ofSeconds(15));
        if (script.screenshot().isEmpty()) {
            Platform.runLater(view::offerRecovery);
        }
    }

    private static volatile ProjectController lastProjects;

    /**
     * Called by the launcher's thread once the window has closed: waits (up to a few seconds) for project
     * disk work still queued, such as removing the recovery copy after a clean close.
     */
    static void awaitDiskWork() {
        ProjectController p = lastProjects;
        if (p != null) {
            try {
                p.awaitDiskWork(java.time.Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() {
        lastProjects = projects;
        if (model != null) {
            model.close();
        }
        if (background != null) {
            background.shutdown();
        }
    }
}
