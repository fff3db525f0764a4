package app.vernissage.cli;

import app.vernissage.core.canvas.EdgeBlurFill;
import app.vernissage.core.canvas.PreFill;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.engine.outpaint.GenerateSettings;
import app.vernissage.engine.pipeline.SamplerKind;
import app.vernissage.fill.ClassicalFill;
import picocli.CommandLine.Option;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The generation options of outpaint and zoomout. Inpaint declares its own: the names and the checks
 * are the same where they overlap, but its --feather defaults to 8 (here 0), its random seed may use
 * all 63 bits (here 51), and most help texts differ.
 */
final class GenerationOptions {
    @Option(names = "--negative", paramLabel = "TEXT", description = "What should not be there.")
    String negative;

    @Option(names = "--steps", defaultValue = "50", description = "Sampler steps per generation (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--guidance", defaultValue = "4", description = "Guidance weight (default ${DEFAULT-VALUE}).")
    float guidance;

    @Option(names = "--eta", defaultValue = "1", description = "Sampler noise, 0..1 (default ${DEFAULT-VALUE}).")
    float eta;

    @Option(names = "--seed", paramLabel = "N", description = "Noise seed of the first step; step k uses N+k-1 (default: random; printed).")
    Long seed;

    @Option(names = "--sampler", paramLabel = "reference|ddpm", description = "Sampler (default: the model set's).")
    String sampler;

    @Option(names = "--strength", defaultValue = "1", paramLabel = "0..1",
            description = "1 = generate the new area from scratch (default; the model sees it as a hole); below 1 "
                    + "starts from the pre-filled pixels noised to that level.")
    float strength;

    @Option(names = "--prefill", defaultValue = "blur", paramLabel = "blur|telea|ns|none",
            description = "How the new area is filled before it is encoded: blur = edge colours extended with a "
                    + "multi-scale blur (default), telea / ns = OpenCV's classical inpainting, none = edge replicate.")
    String prefill;

    @Option(names = "--padding", defaultValue = "128", paramLabel = "PX",
            description = "Context around the area to generate; the model works on that window only (default ${DEFAULT-VALUE}).")
    int padding;

    @Option(names = "--feather", defaultValue = "0", paramLabel = "PX",
            description = "Extra soft edge outside the blend band (default ${DEFAULT-VALUE}).")
    int feather;

    @Option(names = "--colour-match", description = "Match the generated colours to the ring around them.")
    boolean colourMatch;

    @Option(names = "--overlap", defaultValue = "32", paramLabel = "PX",
            description = "Blend band reaching into the old picture, repainted and blended (default ${DEFAULT-VALUE}).")
    int overlap;

    /** The first problem with the values as a sentence, or null. */
    String problem() {
        if (overlap < 0 || overlap > 4096) {
            return "--overlap must be between 0 and 4096 pixels, got " + overlap;
        }
        try {
            preFill();
            settings("x", 0L, SamplerKind.REFERENCE);
            if (sampler != null) {
                SamplerKind.parse(sampler);
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    PreFill preFill() {
        return switch (prefill.strip().toLowerCase(Locale.ROOT)) {
            case "blur", "edge" -> EdgeBlurFill.INSTANCE;
            case "telea" -> new ClassicalFill(ClassicalFill.Method.TELEA, 5);
            case "ns" -> new ClassicalFill(ClassicalFill.Method.NAVIER_STOKES, 5);
            case "none" -> PreFill.NONE;
            default -> throw new IllegalArgumentException("unknown --prefill '" + prefill + "' (blur, telea, ns or none)");
        };
    }

    long seed() {
        return seed != null ? seed : new SecureRandom().nextLong() & (Long.MAX_VALUE >> 12);
    }

    GenerateSettings settings(String prompt, long seed, SamplerKind kind) {
        return new GenerateSettings(prompt, negative, steps, guidance, eta, seed, kind, strength, feather, padding,
                colourMatch, preFill(), ContextWindow.DEFAULT_MAX_WORK_PIXELS);
    }
}
