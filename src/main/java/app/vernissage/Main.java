package app.vernissage;

import app.vernissage.cli.VernissageCli;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.text.OfflineLibraries;
import app.vernissage.ui.EditorLauncher;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Entry point. Without arguments, or with {@code edit [FILE]}, it opens the editor; with any other
 * command it runs the command line; Ctrl+C cancels a running generation
 * cleanly (the current model call is terminated and no output is written).
 */
public final class Main {
    private Main() {
    }

    /**
     * True for a single argument naming an existing file: what a desktop passes when a picture or a
     * project is double-clicked (the file association), so it opens in the editor.
     */
    static boolean opensAFile(String[] args) {
        return args.length == 1 && !args[0].startsWith("-") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
    }

    public static void main(String[] args) {
        OfflineLibraries.enforce();
        if (args.length == 0 || args[0].equals("edit") || opensAFile(args)) {
            EditorLauncher.launch(args.length == 0 || !args[0].equals("edit") ? args : Arrays.copyOfRange(args, 1, args.length));
            Runtime.getRuntime().halt(0);
            return;
        }
        CancellationToken token = new CancellationToken();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            token.cancel();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vernissage-cancel"));
        boolean terminal = System.console() != null && System.console().isTerminal();
        int code = new VernissageCli(System.out, System.err, terminal, token).run(args);
        System.out.flush();
        System.err.flush();
        // Halt while a shutdown hook may still be waiting: the exit code is ours (130 after a
        // cancel), not the signal's; the latch only bounds the wait if this line is never reached.
        Runtime.getRuntime().halt(code);
    }
}
