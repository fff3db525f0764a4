package app.vernissage.engine.modelset;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where model sets live when nobody says: {@code $VERNISSAGE_MODELS}, else the platform's per-user
 * data folder ({@code $XDG_DATA_HOME/vernissage/models} or {@code ~/.local/share/vernissage/models}
 * on Linux, {@code %APPDATA%\Vernissage\models} on Windows,
 * {@code ~/Library/Application Support/Vernissage/models} on macOS), with the default set in its
 * {@code default} subfolder.
 */
public final class ModelSetLocations {
    private ModelSetLocations() {
    }

    public static Path defaultSet() {
        return defaultSet(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path defaultSet(Map<String, String> env, String osName, String home) {
        String explicit = env.get("VERNISSAGE_MODELS");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path root;
        if (os.contains("win")) {
            root = Path.of(env.getOrDefault("APPDATA", home), "Vernissage", "models");
        } else if (os.contains("mac")) {
            root = Path.of(home, "Library", "Application Support", "Vernissage", "models");
        } else {
            String xdg = env.get("XDG_DATA_HOME");
            root = (xdg == null || xdg.isBlank() ? Path.of(home, ".local", "share") : Path.of(xdg)).resolve("vernissage").resolve("models");
        }
        return root.resolve("default");
    }
}
