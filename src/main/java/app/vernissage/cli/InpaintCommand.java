package app.vernissage.cli;

import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.io.Npy;
import app.vernissage.core.io.NpyArray;
import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.InpaintRequest;
import app.vernissage.engine.pipeline.InpaintResult;
import app.vernissage.engine.pipeline.SamplerKind;
import app.vernissage.engine.pipeline.WorkingSize;
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
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;

/** {@code vernissage inpaint}: repaint the masked part of a picture from a prompt. */
@Command(name = "inpaint", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Repaint the white (or opaque) part of MASK in IMAGE from a prompt; every pixel outside "
                + "the feathered mask stays exactly as it was.")
final class InpaintCommand extends ModelCommand {
    @Option(names = "--image", required = true, paramLabel = "IN", description = "Picture to edit (PNG, JPEG, BMP, GIF, TIFF, WebP).")
    Path image;

    @Option(names = "--mask", required = true, paramLabel = "MASK",
            description = "Same size as IN; white (or, with transparency, opaque) = repaint.")
    Path mask;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "What should be there (any language).")
    String prompt;

    @Option(names = "--negative", paramLabel = "TEXT", description = "What should not be there.")
    String negative;

    @Option(names = "--steps", defaultValue = "50", description = "Sampler steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--guidance", defaultValue = "4", description = "Guidance weight w in (w+1)*cond - w*uncond (default ${DEFAULT-VALUE}).")
    float guidance;

    @Option(names = "--eta", defaultValue = "1", description = "Sampler noise, 0..1 (default ${DEFAULT-VALUE}).")
    float eta;

    @Option(names = "--seed", paramLabel = "N", description = "Noise seed (default: random; printed at the end).")
    Long seed;

    @Option(names = "--sampler", paramLabel = "reference|ddpm",
            description = "reference: current Kandinsky 3.1 sampler; ddpm: the 3.0 release's (default: the model set's).")
    String sampler;

    @Option(names = "--strength", defaultValue = "1", paramLabel = "0..1",
            description = "1 = repaint from scratch (default); lower starts from the current pixels noised to that "
                    + "level, for touching up.")
    float strength;

    @Option(names = "--feather", defaultValue = "8", paramLabel = "PX",
            description = "Soft edge of the paste-back outside the mask, in pixels (default ${DEFAULT-VALUE}; 0 = hard).")
    int feather;

    @Option(names = "--init-noise", paramLabel = "FILE.npy", description = "Initial latent noise, float32 [1,4,h,w].")
    Path initNoise;

    @Option(names = "--save-latent", paramLabel = "FILE.npy", description = "Also write the final latent, float32 [1,4,h,w].")
    Path saveLatent;

    @Mixin
    OutputOptions output;

    @Mixin
    EngineOptions engineOptions;

    private String modelSetName = "";

    InpaintCommand(PrintStream err, boolean terminal, CancellationToken token) {
        super(err, terminal, token);
    }

    @Override
    public Integer call() throws UserError {
        long started = System.nanoTime();
        checkOptionValues();
        checkOutput();
        PixelImage picture = readImage();
        Mask repaint = readMask(picture);
        if (repaint.isEmpty()) {
            throw new UserError(mask.getFileName() + " is all black: there is nothing to repaint (white = repaint)");
        }
        ModelSet set = engineOptions.openModelSet();
        ExecutionDevice device = engineOptions.executionDevice();
        SamplerKind kind = samplerKind(sampler, set);
        long usedSeed = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
        InpaintRequest request;
        try {
            request = new InpaintRequest(picture, repaint, prompt, negative, steps, guidance, eta, usedSeed, kind,
                    readInitNoise(picture), feather, strength);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        announce(set, device);
        modelSetName = set.manifest().name();
        InpaintResult result;
        ProgressBar bar = progressBar();
        try (InpaintEngine engine = engineOptions.openEngine(set, device)) {
            result = engine.inpaint(request, bar, token);
        } catch (EngineException e) {
            bar.finishLine();
            throw new UserError(e.getMessage(), e);
        }
        write(result);
        err.println(String.format(Locale.ROOT, "seed %d, %d steps, %s sampler, %s, working size %dx%d",
                usedSeed, steps, kind.name().toLowerCase(Locale.ROOT), result.device(),
                result.workingSize().width(), result.workingSize().height()));
        err.println("timings: " + result.timings().summary()
                + String.format(Locale.ROOT, " (command %.2f s)", (System.nanoTime() - started) / 1e9));
        return 0;
    }

    /**
     * Out-of-range option values are wrong usage (exit 2, like a value picocli cannot convert), and
     * are refused before any file is read. The ranges are InpaintRequest's own: a request for a
     * 1x1 stand-in picture is built only to validate them.
     */
    private void checkOptionValues() {
        String problem = engineOptions.choiceProblem();
        if (problem == null) {
            problem = output.problem();
        }
        if (problem == null) {
            try {
                new InpaintRequest(PixelImage.filled(1, 1, 0xFF000000), Mask.filled(1, 1, 255), prompt, negative,
                        steps, guidance, eta, 0L, SamplerKind.REFERENCE, null, feather, strength);
                if (sampler != null) {
                    SamplerKind.parse(sampler);
                }
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    private void checkOutput() throws UserError {
        output.check();
        if (saveLatent != null) {
            Path latentParent = saveLatent.toAbsolutePath().getParent();
            if (latentParent != null && !java.nio.file.Files.isDirectory(latentParent)) {
                throw new UserError("the folder for --save-latent does not exist: " + latentParent);
            }
            if (java.nio.file.Files.isDirectory(saveLatent)) {
                throw new UserError("--save-latent names a folder, not a file: " + saveLatent);
            }
        }
    }

    private PixelImage readImage() throws UserError {
        return CliFiles.read(image, ImageLimits.DEFAULT.maxPixels());
    }

    private Mask readMask(PixelImage picture) throws UserError {
        return CliFiles.readMask(mask, picture);
    }

    private float[] readInitNoise(PixelImage picture) throws UserError {
        if (initNoise == null) {
            return null;
        }
        NpyArray array;
        try {
            array = Npy.read(initNoise);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
        WorkingSize size = WorkingSize.of(picture.width(), picture.height());
        long[] want = {1, 4, size.latentHeight(), size.latentWidth()};
        if (!Arrays.equals(array.shape(), want)) {
            throw new UserError(initNoise.getFileName() + " has shape " + Arrays.toString(array.shape())
                    + " but this image needs " + Arrays.toString(want));
        }
        return array.data();
    }

    /** What goes into a PNG's text chunks: the prompt as its description, and every setting. */
    private java.util.Map<String, String> settingsText(InpaintResult result) {
        java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
        text.put("Description", prompt);
        text.put("Software", "Vernissage");
        text.put("vernissage:settings", String.format(Locale.ROOT,
                "prompt=%s%nnegative=%s%nseed=%d%nsteps=%d%nguidance=%s%neta=%s%nstrength=%s%nsampler=%s%nmodel=%s",
                prompt, negative == null ? "" : negative, result.seed(), steps, guidance, eta, strength,
                sampler == null ? "model default" : sampler, modelSetName));
        return text;
    }

    private void write(InpaintResult result) throws UserError {
        output.write(result.image(), settingsText(result));
        if (saveLatent != null) {
            WorkingSize s = result.workingSize();
            try {
                Npy.write(saveLatent, result.latent(), 1, 4, s.latentHeight(), s.latentWidth());
            } catch (IOException e) {
                throw new UserError("could not write " + saveLatent + ": " + e.getMessage(), e);
            }
        }
        err.println("wrote " + output.out + " (" + result.image().width() + "x" + result.image().height() + ")");
    }
}
