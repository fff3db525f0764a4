package app.vernissage.engine.pipeline;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;

/**
 * Everything one inpainting run needs. Validated on construction.
 *
 * @param image     the picture at full resolution (alpha is kept in the output, ignored by the model)
 * @param mask      same size as the image, 255 = repaint
 * @param prompt    what should appear
 * @param negative  what should not, or null
 * @param steps     sampler steps (reference 50)
 * @param guidance  guidance weight w in {@code (w+1) cond - w uncond} (reference 4)
 * @param eta       noise of the current sampler (reference 1)
 * @param seed      noise seed
 * @param sampler   which sampler
 * @param initNoise replacement for the initial latent noise [1, 4, h, w], or null
 * @param featherPx outward feather of the final composite, in full-resolution pixels (0 = hard edge)
 * @param strength  1 = the reference (pure sampling under the mask); below 1 the run starts from the
 *                  current picture noised to that level and runs that fraction of the steps (ours)
 */
public record InpaintRequest(PixelImage image, Mask mask, String prompt, String negative, int steps, float guidance,
                             float eta, long seed, SamplerKind sampler, float[] initNoise, int featherPx, float strength) {
    public static final int REFERENCE_STEPS = 50;
    public static final float REFERENCE_GUIDANCE = 4f;
    public static final float REFERENCE_ETA = 1f;
    public static final int DEFAULT_FEATHER = 8;

    public InpaintRequest {
        if (image.width() != mask.width() || image.height() != mask.height()) {
            throw new IllegalArgumentException("the mask is " + mask.width() + "x" + mask.height()
                    + " but the image is " + image.width() + "x" + image.height());
        }
        if (mask.isEmpty()) {
            throw new IllegalArgumentException("the mask is empty (all black): there is nothing to repaint");
        }
        if (steps < 1 || steps > 1000) {
            throw new IllegalArgumentException("steps must be between 1 and 1000, got " + steps);
        }
        if (!(guidance >= 0f && guidance <= 100f)) {
            throw new IllegalArgumentException("guidance must be between 0 and 100, got " + guidance);
        }
        if (!(eta >= 0f && eta <= 1f)) {
            throw new IllegalArgumentException("eta must be between 0 and 1, got " + eta);
        }
        if (featherPx < 0 || featherPx > 512) {
            throw new IllegalArgumentException("feather must be between 0 and 512 pixels, got " + featherPx);
        }
        if (!(strength > 0f && strength <= 1f)) {
            throw new IllegalArgumentException("strength must be above 0 and at most 1, got " + strength);
        }
        prompt = prompt == null ? "" : prompt;
        negative = negative == null || negative.isBlank() ? null : negative;
    }

    /** A request at full strength (the reference behaviour). */
    public InpaintRequest(PixelImage image, Mask mask, String prompt, String negative, int steps, float guidance,
                          float eta, long seed, SamplerKind sampler, float[] initNoise, int featherPx) {
        this(image, mask, prompt, negative, steps, guidance, eta, seed, sampler, initNoise, featherPx, 1f);
    }

    /** The reference settings for a prompt. */
    public static InpaintRequest reference(PixelImage image, Mask mask, String prompt, long seed) {
        return new InpaintRequest(image, mask, prompt, null, REFERENCE_STEPS, REFERENCE_GUIDANCE, REFERENCE_ETA,
                seed, SamplerKind.REFERENCE, null, DEFAULT_FEATHER);
    }

    public InpaintRequest withSteps(int n) {
        return new InpaintRequest(image, mask, prompt, negative, n, guidance, eta, seed, sampler, initNoise, featherPx, strength);
    }

    public InpaintRequest withGuidance(float w) {
        return new InpaintRequest(image, mask, prompt, negative, steps, w, eta, seed, sampler, initNoise, featherPx, strength);
    }

    public InpaintRequest withNegative(String text) {
        return new InpaintRequest(image, mask, prompt, text, steps, guidance, eta, seed, sampler, initNoise, featherPx, strength);
    }

    public InpaintRequest withSampler(SamplerKind kind) {
        return new InpaintRequest(image, mask, prompt, negative, steps, guidance, eta, seed, kind, initNoise, featherPx, strength);
    }

    public InpaintRequest withInitNoise(float[] noise) {
        return new InpaintRequest(image, mask, prompt, negative, steps, guidance, eta, seed, sampler, noise, featherPx, strength);
    }

    public InpaintRequest withEta(float e) {
        return new InpaintRequest(image, mask, prompt, negative, steps, guidance, e, seed, sampler, initNoise, featherPx, strength);
    }

    public InpaintRequest withStrength(float s) {
        return new InpaintRequest(image, mask, prompt, negative, steps, guidance, eta, seed, sampler, initNoise, featherPx, s);
    }

    public InpaintRequest withFeather(int px) {
        return new InpaintRequest(image, mask, prompt, negative, steps, guidance, eta, seed, sampler, initNoise, px, strength);
    }
}
