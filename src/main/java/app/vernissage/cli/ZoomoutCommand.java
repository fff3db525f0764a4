package app.vernissage.cli;

import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.zoom.ZoomExport;
import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.outpaint.GenerateSettings;
import app.vernissage.engine.outpaint.PromptSchedule;
import app.vernissage.engine.outpaint.WindowedInpainter;
import app.vernissage.engine.outpaint.ZoomOut;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.SamplerKind;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.engine.runtime.ExecutionDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code vernissage zoomout}: an endless-zoom sequence, as PNG frames and an animated GIF. */
@Command(name = "zoomout", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Zoom out of IMAGE: --repeat times the picture is shrunk by --zoom inside a frame of its own size "
                + "and the new ring is generated; the keyframes are then interpolated into --frames frames, written "
                + "to DIR as frame-NNNN.png plus zoom.gif (and keyframe-NN.png).")
final class ZoomoutCommand extends ModelCommand {
    @Option(names = "--image", required = true, paramLabel = "IN", description = "The first (innermost) picture.")
    Path image;

    @Option(names = "--frames", defaultValue = "48", paramLabel = "N", description = "Frames in the animation, 2 or more (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--zoom", defaultValue = "2", paramLabel = "Z", description = "Zoom-out per keyframe step, 1.05..8 (default ${DEFAULT-VALUE}).")
    double zoom;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "K", description = "Keyframe steps to generate (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT",
            description = "Prompt schedule: give it once for every step, or several times: each is used for --prompt-steps steps in turn, the last repeats.")
    List<String> prompts;

    @Option(names = "--prompt-steps", defaultValue = "1", paramLabel = "N",
            description = "Keyframe steps each --prompt is used for before the next one (default ${DEFAULT-VALUE}).")
    int promptSteps;

    @Option(names = "--fps", defaultValue = "12", description = "Frames per second of the GIF (default ${DEFAULT-VALUE}).")
    int fps;

    @Mixin
    GenerationOptions generation;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the frames and zoom.gif (created if missing).")
    Path out;

    @Mixin
    EngineOptions engineOptions;

    ZoomoutCommand(PrintStream err, boolean terminal, CancellationToken token) {
        super(err, terminal, token);
    }

    @Override
    public Integer call() throws UserError {
        long started = System.nanoTime();
        ZoomOut.Plan plan = checkOptionValues();
        checkOutputFolder();
        PixelImage picture = CliFiles.read(image, ImageLimits.DEFAULT.maxPixels());
        ModelSet set = engineOptions.openModelSet();
        ExecutionDevice device = engineOptions.executionDevice();
        SamplerKind kind = samplerKind(generation.sampler, set);
        long seed = generation.seed();
        GenerateSettings settings = generation.settings(plan.prompts().getFirst(), seed, kind);
        announce(set, device);
        ProgressBar bar = progressBar();
        StepReporter reporter = new StepReporter(err, bar, "keyframe");
        ZoomOut.Outcome outcome;
        try (InpaintEngine engine = engineOptions.openEngine(set, device)) {
            outcome = new ZoomOut(new WindowedInpainter(engine)).run(picture, plan, settings, reporter, bar, token);
        } catch (EngineException | IllegalArgumentException | IllegalStateException e) {
            bar.finishLine();
            throw new UserError(e.getMessage(), e);
        }
        bar.finishLine();
        List<PixelImage> keys = outcome.keyframes();
        int finished = keys.size() - 1;
        if (outcome.cancelled() && finished == 0) {
            err.println("vernissage: cancelled before the first keyframe finished; nothing was written");
            return VernissageCli.CANCELLED;
        }
        // After a cancel the animation covers the finished steps, with frames in proportion.
        int count = ZoomExport.framesFor(frames, finished, plan.steps());
        long renderStart = System.nanoTime();
        writeAll(keys, plan.zoom(), count);
        double renderSeconds = (System.nanoTime() - renderStart) / 1e9;
        if (outcome.cancelled()) {
            err.println("vernissage: cancelled after " + finished + " of " + plan.steps() + " keyframes; wrote "
                    + count + " frames of the finished ones and zoom.gif to " + out);
            return VernissageCli.CANCELLED;
        }
        err.println("wrote " + count + " frames (" + picture.width() + "x" + picture.height() + "), " + keys.size()
                + " keyframes and zoom.gif to " + out);
        err.println(String.format(Locale.ROOT, "seed %d (keyframe k uses seed+k-1), %d sampler steps, %s sampler, %s, zoom %.2f per keyframe",
                seed, generation.steps, kind.name().toLowerCase(Locale.ROOT), device.label(), plan.zoom()));
        err.println(String.format(Locale.ROOT, "timings: generation %.2f s, frames %.2f s (command %.2f s)",
                reporter.totalNanos() / 1e9, renderSeconds, (System.nanoTime() - started) / 1e9));
        return 0;
    }

    private void writeAll(List<PixelImage> keys, double z, int count) throws UserError {
        try {
            ZoomExport.write(keys, z, count, fps, out, ZoomExport.Outputs.ALL, ZoomExport.Progress.NONE, () -> false);
        } catch (IOException e) {
            throw new UserError("could not write the frames to " + out + ": " + e.getMessage(), e);
        }
    }

    private void checkOutputFolder() throws UserError {
        try {
            ZoomExport.prepareFolder(out);
        } catch (IOException e) {
            throw new UserError("--out: " + e.getMessage(), e);
        }
    }

    private ZoomOut.Plan checkOptionValues() {
        String problem = engineOptions.choiceProblem();
        if (problem == null) {
            problem = generation.problem();
        }
        if (problem == null && (frames < ZoomExport.MIN_FRAMES || frames > ZoomExport.MAX_FRAMES)) {
            problem = "--frames must be between " + ZoomExport.MIN_FRAMES + " and " + ZoomExport.MAX_FRAMES + ", got " + frames;
        }
        if (problem == null && (fps < ZoomExport.MIN_FPS || fps > ZoomExport.MAX_FPS)) {
            problem = "--fps must be between " + ZoomExport.MIN_FPS + " and " + ZoomExport.MAX_FPS + ", got " + fps;
        }
        if (problem == null && (promptSteps < 1 || promptSteps > PromptSchedule.MAX_STEPS_EACH)) {
            problem = "--prompt-steps must be between 1 and " + PromptSchedule.MAX_STEPS_EACH + ", got " + promptSteps;
        }
        if (problem == null) {
            try {
                return new ZoomOut.Plan(repeat, zoom, generation.overlap, PromptSchedule.expand(prompts, promptSteps));
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        throw new ParameterException(spec.commandLine(), problem);
    }
}
