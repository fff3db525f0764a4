package app.vernissage.cli;

import app.vernissage.core.image.PixelImage;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.engine.outpaint.StepListener;
import app.vernissage.engine.pipeline.Timings;

import java.io.PrintStream;
import java.util.Locale;

/** Prints "step k/N" with the window before each step and its timings after it. */
final class StepReporter implements StepListener {
    private final PrintStream err;
    private final ProgressBar bar;
    private final String what;
    private long totalNanos;

    StepReporter(PrintStream err, ProgressBar bar, String what) {
        this.err = err;
        this.bar = bar;
        this.what = what;
    }

    @Override
    public void onStepStarted(int step, int total, ContextWindow w) {
        bar.finishLine();
        err.println(String.format(Locale.ROOT, "%s %d/%d: window %dx%d at (%d, %d), model works at %dx%d", what, step, total,
                w.region().width(), w.region().height(), w.region().x(), w.region().y(), w.workWidth(), w.workHeight()));
    }

    @Override
    public void onStepFinished(int step, int total, PixelImage picture, Timings timings) {
        bar.finishLine();
        totalNanos += timings.totalNanos();
        err.println(String.format(Locale.ROOT, "%s %d/%d done: %dx%d; %s", what, step, total, picture.width(),
                picture.height(), timings.summary()));
    }

    long totalNanos() {
        return totalNanos;
    }
}
