package app.vernissage.engine.pipeline;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.modelset.ModelComponent;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.sampler.CosineSchedule;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.engine.testing.OnnxEdits;
import app.vernissage.engine.testing.TestSets;
import app.vernissage.engine.text.PromptTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports differ in precision, timestep type, batch and memory; the pipeline adapts at the boundary. */
class ModelVariantsTest {
    static final PixelImage IMAGE = OracleRunTest.photoLike(160, 96, 4);
    static final Mask MASK = Mask.rectangle(160, 96, 40, 16, 120, 80);

    @TempDir
    Path fp32Dir;
    @TempDir
    Path otherDir;

    private static float[] run(Path dir, MemoryMode mode, InpaintRequest request) throws Exception {
        try (InpaintEngine engine = TestSets.engine(dir, mode)) {
            return engine.inpaint(request, ProgressListener.NONE, new CancellationToken()).latent();
        }
    }

    private static InpaintRequest request() {
        return InpaintRequest.reference(IMAGE, MASK, "blue sky", 9).withSteps(10);
    }

    @Test
    void float16GraphWithFloatTimestepMatchesFloat32() throws Exception {
        TestSets.write(fp32Dir, SyntheticModelSet.Options.oracle());
        TestSets.write(otherDir, SyntheticModelSet.Options.oracle().withTypes(true, true));
        assertEquals("float16", TestSets.open(otherDir).signature(ModelComponent.UNET).input("sample").elementType().label());
        float[] reference = run(fp32Dir, MemoryMode.KEEP_LOADED, request());
        float[] half = run(otherDir, MemoryMode.KEEP_LOADED, request());
        double worst = 0;
        for (int i = 0; i < reference.length; i++) {
            worst = Math.max(worst, Math.abs(reference[i] - half[i]));
        }
        assertTrue(worst < 2e-2, "float16 differs by " + worst);
        assertTrue(worst > 0, "the float16 graph really ran in float16");
    }

    @Test
    void fixedBatchOfOneRunsGuidanceAsTwoCallsWithTheSameResult() throws Exception {
        TestSets.write(fp32Dir, SyntheticModelSet.Options.oracle());
        TestSets.write(otherDir, SyntheticModelSet.Options.oracle());
        Path unet = otherDir.resolve("unet.onnx");
        for (String input : new String[]{"sample", "timestep", "context", "context_mask"}) {
            OnnxEdits.fixInputDim(unet, input, 0, 1);
        }
        assertArrayEquals(run(fp32Dir, MemoryMode.KEEP_LOADED, request()), run(otherDir, MemoryMode.KEEP_LOADED, request()), 1e-6f);
    }

    @Test
    void perStageModeFreesEachModelAndGivesTheSameResult() throws Exception {
        TestSets.write(fp32Dir, SyntheticModelSet.Options.oracle());
        float[] kept = run(fp32Dir, MemoryMode.KEEP_LOADED, request());
        try (InpaintEngine engine = TestSets.engine(fp32Dir, MemoryMode.PER_STAGE)) {
            float[] staged = engine.inpaint(request(), ProgressListener.NONE, new CancellationToken()).latent();
            assertArrayEquals(kept, staged);
            for (ModelComponent c : ModelComponent.values()) {
                assertFalse(engine.isLoaded(c), c + " is freed after its stage");
            }
        }
        try (InpaintEngine engine = TestSets.engine(fp32Dir, MemoryMode.KEEP_LOADED)) {
            engine.inpaint(request(), ProgressListener.NONE, new CancellationToken());
            for (ModelComponent c : ModelComponent.values()) {
                assertTrue(engine.isLoaded(c), c + " stays loaded");
            }
        }
    }

    @Test
    void textContextIsCachedPerPromptPair() throws Exception {
        TestSets.write(fp32Dir, SyntheticModelSet.Options.oracle());
        try (InpaintEngine engine = TestSets.engine(fp32Dir, MemoryMode.KEEP_LOADED)) {
            CancellationToken token = new CancellationToken();
            engine.inpaint(request().withSteps(2), ProgressListener.NONE, token);
            engine.inpaint(request().withSteps(2), ProgressListener.NONE, token);
            assertEquals(1, engine.textEncoderRuns());
            engine.inpaint(request().withSteps(2).withNegative("clouds"), ProgressListener.NONE, token);
            assertEquals(3, engine.textEncoderRuns(), "a new pair encodes the prompt and the negative prompt");
            engine.inpaint(request().withSteps(2).withNegative("clouds"), ProgressListener.NONE, token);
            assertEquals(3, engine.textEncoderRuns());
        }
    }

    @Test
    void ddpmSamplerMatchesAnIndependentReplay() throws Exception {
        SyntheticModelSet gen = TestSets.write(fp32Dir, SyntheticModelSet.Options.oracle());
        long[] ids;
        try (PromptTokenizer t = PromptTokenizer.load(fp32Dir.resolve("tokenizer.json"), 128)) {
            ids = t.encode("blue sky");
        }
        float[] latent = run(fp32Dir, MemoryMode.KEEP_LOADED, request().withSampler(SamplerKind.DDPM).withSteps(50));
        double[] expected = new OracleExpectation(gen, IMAGE, MASK, ids, 4f).replayDdpmSampler(9, 50, 4);
        for (int i = 0; i < latent.length; i++) {
            assertEquals(expected[i], latent[i], 2e-3, "latent " + i);
        }
    }

    /**
     * Strength 0.4 of 10 steps runs the last 4, starting from the picture's own latent noised to the
     * level of step 6. With eta 0 the oracle keeps that start's epsilon to the end, so the final
     * latent is sqrt(ac0) x0 + sqrt(1 - ac0) eps_start.
     */
    @Test
    void strengthStartsFromThePictureNoisedToItsLevel() throws Exception {
        SyntheticModelSet gen = TestSets.write(fp32Dir, SyntheticModelSet.Options.oracle());
        long[] ids;
        try (PromptTokenizer t = PromptTokenizer.load(fp32Dir.resolve("tokenizer.json"), 128)) {
            ids = t.encode("blue sky");
        }
        java.util.List<Integer> steps = new java.util.ArrayList<>();
        float[] latent;
        try (InpaintEngine engine = TestSets.engine(fp32Dir, MemoryMode.KEEP_LOADED)) {
            latent = engine.inpaint(request().withEta(0f).withStrength(0.4f), new ProgressListener() {
                @Override
                public void onStep(StepProgress p) {
                    steps.add(p.step() * 100 + p.total());
                }
            }, new CancellationToken()).latent();
        }
        assertEquals(java.util.List.of(104, 204, 304, 404), steps);
        OracleExpectation expected = new OracleExpectation(gen, IMAGE, MASK, ids, 4f);
        float[] ac = CosineSchedule.of(1000).alphasCumprod();
        double a = ac[app.vernissage.engine.sampler.ReferenceSampler.timesteps(10)[6]];
        float[] z = new app.vernissage.engine.sampler.GaussianNoise(9).fill(new float[latent.length]);
        for (int i = 0; i < latent.length; i++) {
            double start = Math.sqrt(a) * expected.imageLatent[i] + Math.sqrt(1 - a) * z[i];
            double eps = (start - Math.sqrt(a) * expected.thresholdedX0[i]) / Math.sqrt(1 - a);
            double want = Math.sqrt(ac[0]) * expected.thresholdedX0[i] + Math.sqrt(1 - ac[0]) * eps;
            assertEquals(want, latent[i], 2e-4, "latent " + i);
        }
    }

    @Test
    void initialNoiseReplacesTheSeededNoise() throws Exception {
        TestSets.write(fp32Dir, SyntheticModelSet.Options.oracle());
        WorkingSize size = WorkingSize.of(IMAGE.width(), IMAGE.height());
        float[] noise = new float[4 * size.latentHeight() * size.latentWidth()];
        new app.vernissage.engine.sampler.GaussianNoise(9).fill(noise);
        // The seeded run draws its initial noise first from the same generator, so feeding those
        // draws as --init-noise must give the identical run; other noise must not.
        assertArrayEquals(run(fp32Dir, MemoryMode.KEEP_LOADED, request()),
                run(fp32Dir, MemoryMode.KEEP_LOADED, request().withInitNoise(noise.clone())));
        // With eta = 0 the oracle's runs carry the initial noise to the end (scaled by sqrt(1 - ac[0])),
        // so changed initial noise must change the result.
        float[] plain = run(fp32Dir, MemoryMode.KEEP_LOADED, request().withEta(0f).withInitNoise(noise.clone()));
        noise[0] += 1f;
        float[] changed = run(fp32Dir, MemoryMode.KEEP_LOADED, request().withEta(0f).withInitNoise(noise));
        assertEquals(Math.sqrt(1 - CosineSchedule.of(1000).alphaCumprod(0)), changed[0] - plain[0], 1e-4);
        assertArrayEquals(java.util.Arrays.copyOfRange(plain, 1, plain.length), java.util.Arrays.copyOfRange(changed, 1, changed.length), 1e-5f);
    }
}
