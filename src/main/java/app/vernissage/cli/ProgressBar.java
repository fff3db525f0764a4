package app.vernissage.cli;

import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.pipeline.StepProgress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The inpaint command's progress on stderr: a bar redrawn in place on a terminal, and a line every
 * tenth of the run when stderr is a file or pipe (so logs stay readable).
 */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean terminal;
    private int lastDecile = -1;
    private boolean drawn;

    ProgressBar(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onStage(String stage) {
        if (!stage.equals("denoising")) {
            finishLine();
            err.println(stage + "...");
        }
    }

    @Override
    public void onStep(StepProgress p) {
        String line = render(p);
        if (terminal) {
            err.print("\r" + line);
            drawn = true;
            if (p.step() == p.total()) {
                finishLine();
            }
        } else {
            int decile = p.step() * 10 / p.total();
            if (decile != lastDecile) {
                lastDecile = decile;
                err.println(line);
            }
        }
        err.flush();
    }

    static String render(StepProgress p) {
        int filled = p.step() * WIDTH / p.total();
        return String.format(Locale.ROOT, "[%s%s] %d/%d  %.1f s, %.1f s left", "#".repeat(filled),
                "-".repeat(WIDTH - filled), p.step(), p.total(), p.elapsed().toMillis() / 1000.0,
                p.remaining().toMillis() / 1000.0);
    }

    void finishLine() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }
}
