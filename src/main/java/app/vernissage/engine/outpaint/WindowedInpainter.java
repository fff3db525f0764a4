package app.vernissage.engine.outpaint;

import app.vernissage.core.canvas.ColourMatch;
import app.vernissage.core.canvas.Regions;
import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.image.Composite;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.MaskResize;
import app.vernissage.core.image.PillowResize;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.InpaintRequest;
import app.vernissage.engine.pipeline.InpaintResult;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.EngineException;

/**
 * One generation on a context window of a document of any size: crop the window, pre-fill the
 * hole, scale the crop to the window's working size (multiples of 64, at most about 1 MP, aspect
 * kept), run the inpainting engine there, scale the decoded picture back to the window, optionally
 * match its colours to the ring around the mask, and composite it over the original crop through
 * the feathered mask. Pixels outside the window are never touched; inside it every pixel whose
 * feathered weight is 0 stays bit-identical (the composite copies it).
 *
 * <p>The model sees the mask binarised (every pixel above 0 is repainted); partial mask values
 * (an outpainting blend band) only weight the final composite.
 */
public final class WindowedInpainter {
    /** Width of the ring around the mask that colour matching reads. */
    public static final int COLOUR_RING_PX = 24;

    private final InpaintEngine engine;

    public WindowedInpainter(InpaintEngine engine) {
        this.engine = engine;
    }

    /**
     * The outcome of one windowed generation.
     *
     * @param image  the document with the window composited in
     * @param window where the model worked and at what size
     * @param run    the engine's result for the window (its image is at working size)
     */
    public record Outcome(PixelImage image, ContextWindow window, InpaintResult run) {
    }

    /** The window a mask will be generated on with these settings. */
    public static ContextWindow windowFor(Mask mask, GenerateSettings settings) {
        Rect bounds = Regions.bounds(mask);
        if (bounds == null) {
            throw new IllegalArgumentException("the mask is empty (all black): there is nothing to generate");
        }
        return ContextWindow.around(bounds, mask.width(), mask.height(), Math.max(settings.paddingPx(), settings.featherPx()),
                settings.maxWorkPixels());
    }

    /** Generates into a copy of {@code document}; the input is not changed. */
    public Outcome generate(PixelImage document, Mask mask, GenerateSettings settings, ProgressListener listener,
                            CancellationToken token) throws EngineException {
        return generateInPlace(document.copy(), mask, settings, listener, token);
    }

    /**
     * Generates into {@code document}'s own pixel array (the caller must own it; no full-size copy
     * is made, which matters for documents of tens of megapixels). On failure or cancellation the
     * document is unchanged: the window is written only at the very end.
     */
    public Outcome generateInPlace(PixelImage document, Mask mask, GenerateSettings settings, ProgressListener listener,
                                   CancellationToken token) throws EngineException {
        if (document.width() != mask.width() || document.height() != mask.height()) {
            throw new IllegalArgumentException("the mask is " + mask.width() + "x" + mask.height() + " but the picture is "
                    + document.width() + "x" + document.height());
        }
        ContextWindow window = windowFor(mask, settings);
        Rect r = window.region();
        PixelImage crop = Regions.crop(document, r);
        Mask cropMask = Regions.crop(mask, r);
        listener.onStage("pre-filling");
        PixelImage filled = settings.preFill().fill(crop, Regions.hole(cropMask));
        token.throwIfCancelled();
        int ww = window.workWidth();
        int wh = window.workHeight();
        boolean native1 = ww == r.width() && wh == r.height();
        PixelImage work = native1 ? filled : PillowResize.bicubic(filled, ww, wh);
        Mask binary = Regions.threshold(cropMask, 1);
        Mask workMask = native1 ? binary : toMask(MaskResize.bilinear(binary.toUnitFloats(), r.width(), r.height(), ww, wh), ww, wh);
        InpaintRequest request = new InpaintRequest(work, workMask, settings.prompt(), settings.negative(), settings.steps(),
                settings.guidance(), settings.eta(), settings.seed(), settings.sampler(), null, 0, settings.strength());
        InpaintResult run = engine.inpaint(request, listener, token);
        PixelImage decoded = run.decoded();
        PixelImage generated = decoded.width() == r.width() && decoded.height() == r.height()
                ? decoded : PillowResize.bicubic(decoded, r.width(), r.height());
        if (settings.colourMatch()) {
            generated = ColourMatch.toRing(generated, crop, cropMask, COLOUR_RING_PX);
        }
        token.throwIfCancelled();
        PixelImage composed = Composite.over(crop, generated, Composite.featheredAlpha(cropMask, settings.featherPx()));
        Regions.pasteInPlace(document, composed, r.x(), r.y());
        return new Outcome(document, window, run);
    }

    /** Any resized weight above 0 is repainted, so the model's hole never shrinks under resampling. */
    private static Mask toMask(float[] unit, int w, int h) {
        byte[] out = new byte[unit.length];
        for (int i = 0; i < unit.length; i++) {
            out[i] = unit[i] > 0f ? (byte) 255 : 0;
        }
        return new Mask(w, h, out);
    }
}
