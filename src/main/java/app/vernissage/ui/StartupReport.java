package app.vernissage.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The hidden {@code --startup-report FILE} option: once the window is shown and its first pulse has
 * run, writes the milliseconds since the JVM started to FILE (one line) and quits. For docs/benchmarks.md.
 */
final class StartupReport {
    private StartupReport() {
    }

    static Optional<Path> parse(List<String> args) {
        int i = args.indexOf("--startup-report");
        return i >= 0 && i + 1 < args.size() ? Optional.of(Path.of(args.get(i + 1))) : Optional.empty();
    }

    /** Call right after {@code stage.show()}: waits for the next pulse, then writes the figure and exits. */
    static void arm(Scene scene, Path target) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            Thread writer = new Thread(() -> {
                try {
                    Files.writeString(target, ms + "\n", StandardCharsets.UTF_8);
                } catch (IOException e) {
                    // nothing to report to: the caller sees no file
                }
                Platform.runLater(Platform::exit);
            }, "vernissage-startup-report");
            writer.start();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
