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

    /**
     * The window for a region chosen by hand ({@code region}, in document pixels): the least window
     * over that region and the mask's bounding box together, by the same size and aspect rules as
     * the automatic one ({@link ContextWindow#covering}). Padding does not apply: the region is the
     * context the user wants.
     */
    public static ContextWindow windowFor(Mask mask, Rect region, GenerateSettings settings) {
        Rect bounds = Regions.bounds(mask);
        if (bounds == null) {
            throw new IllegalArgumentException("the mask is empty (all black): there is nothing to generate");
        }
        int x0 = Math.max(0, Math.min(region.x(), bounds.x()));
        int y0 = Math.max(0, Math.min(region.y(), bounds.y()));
        int x1 = Math.min(mask.width(), Math.max(region.right(), bounds.right()));
        int y1 = Math.min(mask.height(), Math.max(region.bottom(), bounds.bottom()));
        return ContextWindow.covering(new Rect(x0, y0, x1 - x0, y1 - y0), mask.width(), mask.height(),
                settings.maxWorkPixels());
    }

    /** Generates into a copy of {@code document}; the input is not changed. */
    public Outcome generate(PixelImage document, Mask mask, GenerateSettings settings, ProgressListener listener,
                            CancellationToken token) throws EngineException {
        return generateInPlace(document.copy(), mask, settings, listener, token);
    }

    /**
     * Generates on a given window (one chosen by hand, see {@link #windowFor(Mask, Rect, GenerateSettings)})
     * instead of the automatic one, into a copy of {@code document}; the input is not changed.
     */
    public Outcome generate(PixelImage document, Mask mask, ContextWindow window, GenerateSettings settings,
                            ProgressListener listener, CancellationToken token) throws EngineException {
        return generateInPlace(document.copy(), mask, window, settings, listener, token);
    }

    /**
     * Generates into {@code document}'s own pixel array (the caller must own it; no full-size copy
     * is made, which matters for documents of tens of megapixels). On failure or cancellation the
     * document is unchanged: the window is written only at the very end.
     */
    public Outcome generateInPlace(PixelImage document, Mask mask, GenerateSettings settings, ProgressListener listener,
                                   CancellationToken token) throws EngineException {
        checkSizes(document, mask);
        return generateInPlace(document, mask, windowFor(mask, settings), settings, listener, token);
    }

    /**
     * {@link #generateInPlace(PixelImage, Mask, GenerateSettings, ProgressListener, CancellationToken)} on a
     * given window. It must lie inside the document, cover the mask's bounding box (pixels of the mask
     * outside it could not be generated), and have a working size of multiples of 64 within
     * {@code settings.maxWorkPixels()}; otherwise IllegalArgumentException.
     */
    public Outcome generateInPlace(PixelImage document, Mask mask, ContextWindow window, GenerateSettings settings,
                                   ProgressListener listener, CancellationToken token) throws EngineException {
        checkSizes(document, mask);
        checkWindow(window, mask, settings);
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

    private static void checkSizes(PixelImage document, Mask mask) {
        if (document.width() != mask.width() || document.height() != mask.height()) {
            throw new IllegalArgumentException("the mask is " + mask.width() + "x" + mask.height() + " but the picture is "
                    + document.width() + "x" + document.height());
        }
    }

    private static void checkWindow(ContextWindow window, Mask mask, GenerateSettings settings) {
        Rect r = window.region();
        if (!new Rect(0, 0, mask.width(), mask.height()).contains(r)) {
            throw new IllegalArgumentException("the window " + r + " is not inside the " + mask.width() + "x" + mask.height()
                    + " picture");
        }
        Rect bounds = Regions.bounds(mask);
        if (bounds == null) {
            throw new IllegalArgumentException("the mask is empty (all black): there is nothing to generate");
        }
        if (!r.contains(bounds)) {
            throw new IllegalArgumentException("the window " + r + " does not cover the mask " + bounds);
        }
        int ww = window.workWidth();
        int wh = window.workHeight();
        if (ww < ContextWindow.MULTIPLE || wh < ContextWindow.MULTIPLE || ww % ContextWindow.MULTIPLE != 0
                || wh % ContextWindow.MULTIPLE != 0 || (long) ww * wh > settings.maxWorkPixels()) {
            throw new IllegalArgumentException("the working size " + ww + "x" + wh + " must be multiples of "
                    + ContextWindow.MULTIPLE + " of at most " + settings.maxWorkPixels() + " pixels");
        }
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
