package app.vernissage.ui;

import javafx.application.Application;

/**
 * Starts the editor. A plain class (not an Application subclass) so that JavaFX can start from the
 * class path without being a named module.
 */
public final class EditorLauncher {
    private EditorLauncher() {
    }

    /** Arguments: an optional picture to open, and {@code --screenshot FILE} options (see {@link ScreenshotScript}). */
    public static void launch(String... args) {
        Application.launch(EditorApp.class, args);
        EditorApp.awaitDiskWork();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
