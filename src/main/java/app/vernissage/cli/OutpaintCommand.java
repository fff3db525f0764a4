package app.vernissage.cli;

import app.vernissage.core.canvas.CanvasExtension;
import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.outpaint.GenerateSettings;
import app.vernissage.engine.outpaint.Panorama;
import app.vernissage.engine.outpaint.WindowedInpainter;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.SamplerKind;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.engine.runtime.ExecutionDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** {@code vernissage outpaint}: extend the canvas and generate the new area, once or N times (a panorama). */
@Command(name = "outpaint", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Extend IMAGE on any side and generate the new area from a prompt; the old picture stays "
                + "exactly as it was outside a blend band of --overlap pixels. With --repeat N the extension is "
                + "repeated N times (a panorama), each step generated on its own window.")
final class OutpaintCommand extends ModelCommand {
    @Option(names = "--image", required = true, paramLabel = "IN", description = "Picture to extend.")
    Path image;

    @Option(names = "--left", paramLabel = "PX|N%|xF", description = "Add on the left: pixels, a percentage of the width (25%%, 50%%) or a factor (x2).")
    String left;

    @Option(names = "--right", paramLabel = "PX|N%|xF", description = "Add on the right (same forms).")
    String right;

    @Option(names = "--top", paramLabel = "PX|N%|xF", description = "Add at the top (percentages of the height).")
    String top;

    @Option(names = "--bottom", paramLabel = "PX|N%|xF", description = "Add at the bottom (percentages of the height).")
    String bottom;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
            description = "Extend N times by the same amounts (sizes in %% are of the original picture; default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "What the new area shows.")
    String prompt;

    @Mixin
    GenerationOptions generation;

    @Option(names = "--max-pixels", paramLabel = "N", description = "Largest document accepted, in pixels (default 16384x16384).")
    long maxPixels = ImageLimits.DEFAULT.maxPixels();

    @Mixin
    OutputOptions output;

    @Mixin
    EngineOptions engineOptions;

    OutpaintCommand(PrintStream err, boolean terminal, CancellationToken token) {
        super(err, terminal, token);
    }

    @Override
    public Integer call() throws UserError {
        long started = System.nanoTime();
        checkOptionValues();
        output.check();
        PixelImage picture = CliFiles.read(image, maxPixels);
        Outsets perStep;
        Panorama.Plan plan;
        try {
            perStep = new Outsets(amount("left", left, picture.width()), amount("top", top, picture.height()),
                    amount("right", right, picture.width()), amount("bottom", bottom, picture.height()));
            plan = new Panorama.Plan(perStep, repeat, generation.overlap, maxPixels);
            CanvasExtension.checkSize(picture.width(), picture.height(), perStep, maxPixels);
            plan.check(picture.width(), picture.height());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        ModelSet set = engineOptions.openModelSet();
        ExecutionDevice device = engineOptions.executionDevice();
        SamplerKind kind = samplerKind(generation.sampler, set);
        long seed = generation.seed();
        GenerateSettings settings;
        try {
            settings = generation.settings(prompt, seed, kind);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        announce(set, device);
        ProgressBar bar = progressBar();
        StepReporter reporter = new StepReporter(err, bar, "step");
        Panorama.Outcome outcome;
        PixelImage[] lastFinished = {picture};
        int[] finished = {0};
        StepReporterWithKeep keep = new StepReporterWithKeep(reporter, lastFinished, finished);
        try (InpaintEngine engine = engineOptions.openEngine(set, device)) {
            outcome = new Panorama(new WindowedInpainter(engine)).run(picture, plan, settings, keep, bar, token);
        } catch (EngineException | IllegalStateException e) {
            bar.finishLine();
            if (finished[0] > 0) {
                output.write(lastFinished[0]);
                throw new UserError(e.getMessage() + "; the " + finished[0] + " finished step(s) were written to " + output.out, e);
            }
            throw new UserError(e.getMessage(), e);
        }
        bar.finishLine();
        if (outcome.cancelled()) {
            if (outcome.finished() == 0) {
                err.println("vernissage: cancelled before the first step finished; nothing was written");
                return VernissageCli.CANCELLED;
            }
            output.write(outcome.image());
            err.println("vernissage: cancelled after " + outcome.finished() + " of " + outcome.total()
                    + " steps; wrote the finished steps to " + output.out + " (" + outcome.image().width() + "x"
                    + outcome.image().height() + ")");
            return VernissageCli.CANCELLED;
        }
        output.write(outcome.image());
        err.println("wrote " + output.out + " (" + outcome.image().width() + "x" + outcome.image().height() + ")");
        err.println(String.format(Locale.ROOT, "seed %d (step k uses seed+k-1), %d step(s) of %d sampler steps, %s sampler, %s",
                seed, outcome.total(), generation.steps, kind.name().toLowerCase(Locale.ROOT), device.label()));
        err.println(String.format(Locale.ROOT, "timings: generation %.2f s in all (command %.2f s)",
                reporter.totalNanos() / 1e9, (System.nanoTime() - started) / 1e9));
        return 0;
    }

    /** Keeps the last finished picture so a failure after some steps can still write them. */
    private record StepReporterWithKeep(StepReporter inner, PixelImage[] last, int[] count)
            implements app.vernissage.engine.outpaint.StepListener {
        @Override
        public void onStepStarted(int step, int total, app.vernissage.core.window.ContextWindow w) {
            inner.onStepStarted(step, total, w);
        }

        @Override
        public void onStepFinished(int step, int total, PixelImage picture, app.vernissage.engine.pipeline.Timings t) {
            last[0] = picture;
            count[0] = step;
            inner.onStepFinished(step, total, picture, t);
        }
    }

    private static int amount(String side, String text, int extent) {
        return text == null ? 0 : Outsets.parseAmount(side, text, extent);
    }

    /** Wrong values are wrong usage (exit 2), refused before any file is read. */
    private void checkOptionValues() {
        String problem = engineOptions.choiceProblem();
        if (problem == null) {
            problem = generation.problem();
        }
        if (problem == null) {
            problem = output.problem();
        }
        if (problem == null && (repeat < 1 || repeat > Panorama.Plan.MAX_STEPS)) {
            problem = "--repeat must be between 1 and " + Panorama.Plan.MAX_STEPS + ", got " + repeat;
        }
        if (problem == null && maxPixels < 1) {
            problem = "--max-pixels must be at least 1";
        }
        if (problem == null) {
            try {
                boolean any = false;
                for (String[] s : new String[][]{{"left", left}, {"top", top}, {"right", right}, {"bottom", bottom}}) {
                    if (s[1] != null && Outsets.addsSomething(s[0], s[1])) {
                        any = true;
                    }
                }
                if (!any) {
                    problem = "extending by 0 pixels does nothing: give --left, --right, --top or --bottom a size above 0";
                }
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }
}
