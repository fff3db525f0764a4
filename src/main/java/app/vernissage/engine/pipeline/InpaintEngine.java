package app.vernissage.engine.pipeline;

import app.vernissage.core.image.Composite;
import app.vernissage.core.image.MaskResize;
import app.vernissage.core.image.PillowResize;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.modelset.ModelComponent;
import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.modelset.TensorSpec;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.engine.runtime.ExecutionDevice;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.ModelSessions;
import app.vernissage.engine.runtime.Placement;
import app.vernissage.engine.runtime.TensorData;
import app.vernissage.engine.sampler.DenoiseStep;
import app.vernissage.engine.sampler.GaussianNoise;
import app.vernissage.engine.sampler.Guidance;
import app.vernissage.engine.sampler.Sampler;
import app.vernissage.engine.text.Conditioning;
import app.vernissage.engine.text.PromptTokenizer;

import java.time.Duration;
import java.util.Map;

/**
 * The Kandinsky 3 inpainting pipeline (docs/pipeline.md): working size, masked image, MoVQ encode,
 * latent keep-mask, guided denoising loop, MoVQ decode, exactly as the reference; then our addition,
 * scaling the decoded picture back and compositing it over the original at full resolution through
 * a feathered mask, so every pixel outside the feathered mask is bit-identical to the input.
 *
 * <p>One run at a time per engine. Cancelling (also inside a model call) throws
 * {@link app.vernissage.engine.runtime.CancelledException} and leaves nothing behind.
 */
public final class InpaintEngine implements AutoCloseable {
    private static final int LATENT_CHANNELS = 4;

    private final ModelSet set;
    private final ModelSessions sessions;
    private final PromptTokenizer tokenizer;
    private final PromptEncoder prompts;
    private final MemoryMode memoryMode;

    private InpaintEngine(ModelSet set, ModelSessions sessions, PromptTokenizer tokenizer, MemoryMode memoryMode) {
        this.set = set;
        this.memoryMode = memoryMode;
        this.sessions = sessions;
        this.tokenizer = tokenizer;
        this.prompts = new PromptEncoder(sessions, tokenizer, set.nullEmbedding(), set.manifest().maxTokens());
    }

    public static InpaintEngine open(ModelSet set, ExecutionDevice device, MemoryMode mode) throws EngineException {
        PromptTokenizer tokenizer = PromptTokenizer.load(set.tokenizerFile(), set.manifest().maxTokens());
        return new InpaintEngine(set, new ModelSessions(set, device, mode), tokenizer, mode);
    }

    /** An engine whose components run where {@code placement} says. */
    public static InpaintEngine open(ModelSet set, Placement placement, MemoryMode mode) throws EngineException {
        PromptTokenizer tokenizer = PromptTokenizer.load(set.tokenizerFile(), set.manifest().maxTokens());
        return new InpaintEngine(set, new ModelSessions(set, placement, mode), tokenizer, mode);
    }

    public Placement placement() {
        return sessions.placement();
    }

    public ModelSet modelSet() {
        return set;
    }

    public ExecutionDevice device() {
        return sessions.device();
    }

    /** How many times the text encoder ran (the context is cached per prompt pair). */
    public int textEncoderRuns() {
        return prompts.encoderRuns();
    }

    /** Whether the component's session is in memory now. */
    public boolean isLoaded(ModelComponent component) {
        return sessions.isLoaded(component);
    }

    /**
     * Runs one inpainting. On failure or cancellation nothing is returned and, in
     * {@link MemoryMode#PER_STAGE}, every session is freed.
     */
    public InpaintResult inpaint(InpaintRequest request, ProgressListener listener, CancellationToken token)
            throws EngineException {
        try {
            return run(request, listener, token);
        } catch (EngineException | RuntimeException e) {
            if (memoryMode == MemoryMode.PER_STAGE) {
                sessions.close();
            }
            throw e;
        }
    }

    private InpaintResult run(InpaintRequest request, ProgressListener listener, CancellationToken token)
            throws EngineException {
        long start = System.nanoTime();
        sessions.resetCallTimes();
        PixelImage image = request.image();
        WorkingSize size = WorkingSize.of(image.width(), image.height());
        int h = size.latentHeight();
        int w = size.latentWidth();

        listener.onStage("encoding prompt");
        Conditioning conditioning = prompts.conditioning(request.prompt(), request.negative(), token);
        sessions.endStage(ModelComponent.TEXT_ENCODER);
        long afterText = System.nanoTime();

        listener.onStage("encoding image");
        MaskedInput input = maskedInput(request, size);
        TensorData.Floats maskedLatent = sessions.run(ModelComponent.MOVQ_ENCODER, Map.of("image",
                new TensorData.Floats(new long[]{1, 3, size.height(), size.width()}, input.maskedImage())), token);
        ModelSessions.expectShape(ModelComponent.MOVQ_ENCODER, maskedLatent, 1, LATENT_CHANNELS, h, w);

        float[] startLatent = null;
        if (request.strength() < 1f) {
            TensorData.Floats original = sessions.run(ModelComponent.MOVQ_ENCODER, Map.of("image",
                    new TensorData.Floats(new long[]{1, 3, size.height(), size.width()}, input.image())), token);
            ModelSessions.expectShape(ModelComponent.MOVQ_ENCODER, original, 1, LATENT_CHANNELS, h, w);
            startLatent = original.data();
        }
        sessions.endStage(ModelComponent.MOVQ_ENCODER);
        long afterEncode = System.nanoTime();

        listener.onStage("denoising");
        float[] latent = denoise(request, size, conditioning, input.latentKeep(), maskedLatent.data(), startLatent,
                listener, token);
        sessions.endStage(ModelComponent.UNET);
        long afterDenoise = System.nanoTime();

        listener.onStage("decoding");
        TensorData.Floats decodedTensor = sessions.run(ModelComponent.MOVQ_DECODER, Map.of("latent",
                new TensorData.Floats(new long[]{1, LATENT_CHANNELS, h, w}, latent)), token);
        ModelSessions.expectShape(ModelComponent.MOVQ_DECODER, decodedTensor, 1, 3, size.height(), size.width());
        sessions.endStage(ModelComponent.MOVQ_DECODER);
        PixelImage decoded = PixelTensors.fromSigned(decodedTensor.data(), size.width(), size.height());
        long afterDecode = System.nanoTime();

        listener.onStage("compositing");
        token.throwIfCancelled();
        PixelImage full = size.width() == image.width() && size.height() == image.height()
                ? decoded : PillowResize.bicubic(decoded, image.width(), image.height());
        PixelImage composed = Composite.over(image, full, Composite.featheredAlpha(request.mask(), request.featherPx()));
        long end = System.nanoTime();

        long[] unet = sessions.callTime(ModelComponent.UNET);
        long models = 0;
        for (ModelComponent c : ModelComponent.values()) {
            models += sessions.callTime(c)[0];
        }
        Timings timings = new Timings(afterText - start, afterEncode - afterText, afterDenoise - afterEncode,
                unet[0], (int) unet[1], afterDecode - afterDenoise, end - afterDecode, end - start, models);
        return new InpaintResult(composed, decoded, latent, size, request.seed(), sessions.device().label(), timings);
    }

    /**
     * The picture [3, H', W'], the masked image (zero where the resized mask is above 0) and the
     * latent keep-mask [h, w] (1 = keep, the model's polarity).
     */
    record MaskedInput(float[] image, float[] maskedImage, float[] latentKeep) {
    }

    static MaskedInput maskedInput(InpaintRequest request, WorkingSize size) {
        PixelImage image = request.image();
        boolean sameSize = image.width() == size.width() && image.height() == size.height();
        PixelImage resized = sameSize ? image : PillowResize.bicubic(PixelTensors.opaque(image), size.width(), size.height());
        float[] picture = PixelTensors.toSigned(resized);
        float[] pixels = picture.clone();
        float[] repaint = sameSize ? request.mask().toUnitFloats() : MaskResize.bilinear(request.mask().toUnitFloats(),
                request.mask().width(), request.mask().height(), size.width(), size.height());
        int plane = size.width() * size.height();
        for (int i = 0; i < plane; i++) {
            if (repaint[i] > 0f) {
                pixels[i] = 0f;
                pixels[plane + i] = 0f;
                pixels[2 * plane + i] = 0f;
            }
        }
        int h = size.latentHeight();
        int w = size.latentWidth();
        float[] keep = new float[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int y = i * WorkingSize.LATENT_FACTOR;
                int x = j * WorkingSize.LATENT_FACTOR;
                keep[i * w + j] = 1f - repaint[y * size.width() + x];
            }
        }
        return new MaskedInput(picture, pixels, keep);
    }

    private float[] denoise(InpaintRequest request, WorkingSize size, Conditioning conditioning, float[] keep,
                            float[] maskedLatent, float[] startLatent, ProgressListener listener,
                            CancellationToken token) throws EngineException {
        int h = size.latentHeight();
        int w = size.latentWidth();
        int plane = h * w;
        int latentSize = LATENT_CHANNELS * plane;
        Sampler sampler = request.sampler().create(request.steps(), request.eta());
        GaussianNoise noise = new GaussianNoise(request.seed());
        float[] x;
        if (request.initNoise() != null) {
            if (request.initNoise().length != latentSize) {
                throw new EngineException("The initial noise holds " + request.initNoise().length
                        + " values but this image needs [1, 4, " + h + ", " + w + "] = " + latentSize);
            }
            x = request.initNoise().clone();
            // Skip the draws the seeded noise would have used, so the per-step noise is the same
            // as in the seeded run: a run with its own noise fed back is identical.
            noise.fill(new float[latentSize]);
        } else {
            x = noise.fill(new float[latentSize]);
        }
        // Strength below 1 (ours): start at step `first` from the picture's own latent noised to
        // that step's level, x = sqrt(a) latent + sqrt(1 - a) z, and run the remaining steps.
        int first = sampler.steps() - Math.max(1, (int) (sampler.steps() * request.strength()));
        if (startLatent != null) {
            float a = sampler.alphaCumprodAt(first);
            float signal = (float) Math.sqrt(a);
            float spread = (float) Math.sqrt(1f - a);
            for (int i = 0; i < latentSize; i++) {
                x[i] = signal * startLatent[i] + spread * x[i];
            }
        }
        int total = sampler.steps() - first;
        long denoiseStart = System.nanoTime();
        // Channels per batch entry: x_t (4), keep (1), masked latent (4); the last five never change.
        float[] sample = new float[2 * 9 * plane];
        for (int b = 0; b < 2; b++) {
            int base = b * 9 * plane;
            System.arraycopy(keep, 0, sample, base + 4 * plane, plane);
            System.arraycopy(maskedLatent, 0, sample, base + 5 * plane, latentSize);
        }
        TensorData.Floats context = new TensorData.Floats(
                new long[]{2, conditioning.length(), conditioning.width()}, conditioning.context());
        TensorData.Bools contextMask = new TensorData.Bools(new long[]{2, conditioning.length()}, conditioning.mask());
        boolean splitBatch = fixedBatchOfOne();
        float[] stepNoise = new float[latentSize];
        float[] guided = new float[latentSize];

        for (int i = first; i < sampler.steps(); i++) {
            token.throwIfCancelled();
            System.arraycopy(x, 0, sample, 0, latentSize);
            System.arraycopy(x, 0, sample, 9 * plane, latentSize);
            long t = sampler.modelTimestep(i);
            float[] eps = splitBatch
                    ? unetSplit(sample, t, conditioning, h, w, token)
                    : unet(new TensorData.Floats(new long[]{2, 9, h, w}, sample), new long[]{t, t}, context, contextMask, 2, h, w, token);
            float[] z = sampler.addsNoise(i) ? noise.fill(stepNoise) : null;
            DenoiseStep step = sampler.step(i, x, Guidance.combineHalves(eps, latentSize, request.guidance(), guided), z);
            x = step.next();
            listener.onStep(new StepProgress(i - first + 1, total, Duration.ofNanos(System.nanoTime() - denoiseStart),
                    step.x0(), size, set.previewMap()));
        }
        return x;
    }

    private float[] unet(TensorData.Floats sample, long[] timesteps, TensorData.Floats context, TensorData.Bools mask,
                         int batch, int h, int w, CancellationToken token) throws EngineException {
        TensorData.Floats out = sessions.run(ModelComponent.UNET, Map.of(
                "sample", sample,
                "timestep", new TensorData.Longs(new long[]{batch}, timesteps),
                "context", context,
                "context_mask", mask), token);
        ModelSessions.expectShape(ModelComponent.UNET, out, batch, LATENT_CHANNELS, h, w);
        return out.data();
    }

    /** For graphs exported with a fixed batch of 1: the two guidance halves as two calls. */
    private float[] unetSplit(float[] sample, long t, Conditioning c, int h, int w, CancellationToken token)
            throws EngineException {
        int half = 9 * h * w;
        int rows = c.length() * c.width();
        float[] out = new float[2 * LATENT_CHANNELS * h * w];
        for (int b = 0; b < 2; b++) {
            float[] one = unet(new TensorData.Floats(new long[]{1, 9, h, w}, java.util.Arrays.copyOfRange(sample, b * half, (b + 1) * half)),
                    new long[]{t},
                    new TensorData.Floats(new long[]{1, c.length(), c.width()}, java.util.Arrays.copyOfRange(c.context(), b * rows, (b + 1) * rows)),
                    new TensorData.Bools(new long[]{1, c.length()}, java.util.Arrays.copyOfRange(c.mask(), b * c.length(), (b + 1) * c.length())),
                    1, h, w, token);
            System.arraycopy(one, 0, out, b * one.length, one.length);
        }
        return out;
    }

    private boolean fixedBatchOfOne() {
        TensorSpec sample = set.signature(ModelComponent.UNET).input("sample");
        return sample.dims()[0] == 1;
    }

    @Override
    public void close() {
        sessions.close();
        tokenizer.close();
    }
}
