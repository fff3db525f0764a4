package app.vernissage.engine.outpaint;

import app.vernissage.core.canvas.PreFill;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.engine.pipeline.InpaintRequest;
import app.vernissage.engine.pipeline.SamplerKind;

/**
 * How a windowed generation runs.
 *
 * @param prompt        what should appear
 * @param negative      what should not, or null
 * @param steps         sampler steps
 * @param guidance      guidance weight
 * @param eta           sampler noise
 * @param seed          noise seed (a panorama or zoom-out adds the step index to it)
 * @param sampler       which sampler
 * @param strength      1 = the reference (the hole is zeroed for the model); below 1 the run starts
 *                      from the pre-filled pixels noised to that level, the only way the pre-fill's
 *                      colours reach the model
 * @param featherPx     outward feather of the paste-back around the mask (outpainting masks carry
 *                      their own blend band, so 0 is fine there)
 * @param paddingPx     context around the mask's bounding box
 * @param colourMatch   shift the generated colours to the ring around the mask
 * @param preFill       how the hole is filled before it is encoded
 * @param maxWorkPixels the largest working size (width x height)
 */
public record GenerateSettings(String prompt, String negative, int steps, float guidance, float eta, long seed,
                               SamplerKind sampler, float strength, int featherPx, int paddingPx,
                               boolean colourMatch, PreFill preFill, long maxWorkPixels) {
    public static final int DEFAULT_PADDING = 128;

    public GenerateSettings {
        if (paddingPx < 0 || paddingPx > 8192) {
            throw new IllegalArgumentException("padding must be between 0 and 8192 pixels, got " + paddingPx);
        }
        preFill = preFill == null ? PreFill.NONE : preFill;
        // The request's own checks (steps, guidance, eta, feather, strength) with a stand-in picture.
        new InpaintRequest(app.vernissage.core.image.PixelImage.filled(1, 1, 0xFF000000),
                app.vernissage.core.image.Mask.filled(1, 1, 255), prompt, negative, steps, guidance, eta, seed,
                sampler, null, featherPx, strength);
    }

    /** Reference sampling with the given prompt, steps and seed; no feather, default padding, no pre-fill. */
    public static GenerateSettings of(String prompt, int steps, long seed) {
        return new GenerateSettings(prompt, null, steps, InpaintRequest.REFERENCE_GUIDANCE, InpaintRequest.REFERENCE_ETA,
                seed, SamplerKind.REFERENCE, 1f, 0, DEFAULT_PADDING, false, PreFill.NONE,
                ContextWindow.DEFAULT_MAX_WORK_PIXELS);
    }

    public GenerateSettings withPrompt(String p) {
        return new GenerateSettings(p, negative, steps, guidance, eta, seed, sampler, strength, featherPx, paddingPx,
                colourMatch, preFill, maxWorkPixels);
    }

    public GenerateSettings withSeed(long s) {
        return new GenerateSettings(prompt, negative, steps, guidance, eta, s, sampler, strength, featherPx, paddingPx,
                colourMatch, preFill, maxWorkPixels);
    }

    public GenerateSettings withPreFill(PreFill f) {
        return new GenerateSettings(prompt, negative, steps, guidance, eta, seed, sampler, strength, featherPx, paddingPx,
                colourMatch, f, maxWorkPixels);
    }

    public GenerateSettings withStrength(float s) {
        return new GenerateSettings(prompt, negative, steps, guidance, eta, seed, sampler, s, featherPx, paddingPx,
                colourMatch, preFill, maxWorkPixels);
    }

    public GenerateSettings withColourMatch(boolean on) {
        return new GenerateSettings(prompt, negative, steps, guidance, eta, seed, sampler, strength, featherPx, paddingPx,
                on, preFill, maxWorkPixels);
    }

    public GenerateSettings withPadding(int px) {
        return new GenerateSettings(prompt, negative, steps, guidance, eta, seed, sampler, strength, featherPx, px,
                colourMatch, preFill, maxWorkPixels);
    }

    public GenerateSettings withFeather(int px) {
        return new GenerateSettings(prompt, negative, steps, guidance, eta, seed, sampler, strength, px, paddingPx,
                colourMatch, preFill, maxWorkPixels);
    }

    public GenerateSettings withMaxWorkPixels(long n) {
        return new GenerateSettings(prompt, negative, steps, guidance, eta, seed, sampler, strength, featherPx, paddingPx,
                colourMatch, preFill, n);
    }
}
