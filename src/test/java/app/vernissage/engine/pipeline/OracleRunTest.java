package app.vernissage.engine.pipeline;

import app.vernissage.core.image.Composite;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PillowResize;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.engine.testing.TestSets;
import app.vernissage.engine.text.PromptTokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole runs with the analytic oracle U-Net: the final latent, the decoded picture and the composite
 * are predicted independently (OracleExpectation) and must match. This pins the schedule, the
 * sampler update, guidance, dynamic thresholding, the channel order, the mask polarity, the
 * conditioning length N and the masked-image preparation.
 */
class OracleRunTest {
    static final String PROMPT = "a red boat on the sea";

    @TempDir
    static Path dir;
    static SyntheticModelSet gen;
    static InpaintEngine engine;
    static long[] ids;

    @BeforeAll
    static void setUp() throws Exception {
        gen = TestSets.write(dir, SyntheticModelSet.Options.oracle());
        engine = TestSets.engine(dir, MemoryMode.KEEP_LOADED);
        try (PromptTokenizer t = PromptTokenizer.load(dir.resolve("tokenizer.json"), 128)) {
            ids = t.encode(PROMPT);
        }
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    static PixelImage photoLike(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) (128 + 100 * Math.sin(x / 17.0) + random.nextInt(20));
                int g = (int) (110 + 90 * Math.cos(y / 11.0) + random.nextInt(20));
                int b = (x * 255 / width + y * 255 / height) / 2;
                argb[y * width + x] = 0xFF000000 | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
            }
        }
        return new PixelImage(width, height, argb, false);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    @ParameterizedTest
    @ValueSource(floats = {4f, 0f, 1.5f})
    void wholeRunMatchesTheIndependentPrediction(float guidance) throws Exception {
        PixelImage image = photoLike(200, 136, 1);
        Mask mask = Mask.rectangle(200, 136, 60, 30, 150, 100);
        InpaintRequest request = InpaintRequest.reference(image, mask, PROMPT, 42).withGuidance(guidance);
        InpaintResult result = engine.inpaint(request, ProgressListener.NONE, new CancellationToken());

        OracleExpectation expected = new OracleExpectation(gen, image, mask, ids, guidance);
        assertEquals(192, result.workingSize().width());
        assertEquals(128, result.workingSize().height());
        double[] replay = expected.replayReferenceSampler(42, 50, 1.0);
        double sqrtAc0 = Math.sqrt(app.vernissage.engine.sampler.CosineSchedule.of(1000).alphaCumprod(0));
        for (int i = 0; i < replay.length; i++) {
            assertEquals(replay[i], result.latent()[i], 1e-3, "latent value " + i);
            // Closed form: the last step leaves sqrt(ac[0]) x0 plus a sub-percent noise term.
            assertEquals(sqrtAc0 * expected.thresholdedX0[i], result.latent()[i], 5e-3, "latent value " + i);
        }

        int[] decoded = OracleExpectation.decode(gen, result.latent(), expected.h, expected.w);
        int plane = expected.h * expected.w;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 192; x++) {
                int p = result.decoded().argbAt(x, y);
                int li = (y / 8) * expected.w + x / 8;
                assertEquals(decoded[li], (p >> 16) & 255, 1, "red at " + x + "," + y);
                assertEquals(decoded[plane + li], (p >> 8) & 255, 1, "green at " + x + "," + y);
                assertEquals(decoded[2 * plane + li], p & 255, 1, "blue at " + x + "," + y);
            }
        }
    }

    @Test
    void referenceGuidanceExercisesTheDynamicThreshold() {
        PixelImage image = photoLike(200, 136, 1);
        Mask mask = Mask.rectangle(200, 136, 60, 30, 150, 100);
        OracleExpectation expected = new OracleExpectation(gen, image, mask, ids, 4f);
        assertTrue(expected.thresholdScale > 1.05, "scale " + expected.thresholdScale);
    }

    @Test
    void compositeKeepsEveryPixelOutsideTheFeatheredMaskAndPastesInside() throws Exception {
        PixelImage image = photoLike(200, 136, 5);
        Mask mask = Mask.rectangle(200, 136, 60, 30, 150, 100);
        InpaintResult result = engine.inpaint(InpaintRequest.reference(image, mask, PROMPT, 7).withSteps(10),
                ProgressListener.NONE, new CancellationToken());
        PixelImage upscaled = PillowResize.bicubic(result.decoded(), 200, 136);
        float[] alpha = Composite.featheredAlpha(mask, InpaintRequest.DEFAULT_FEATHER);
        int changedOutside = 0;
        for (int y = 0; y < 136; y++) {
            for (int x = 0; x < 200; x++) {
                int i = y * 200 + x;
                if (alpha[i] == 0f) {
                    changedOutside += image.argb()[i] != result.image().argb()[i] ? 1 : 0;
                } else if (alpha[i] == 1f) {
                    assertEquals(upscaled.argb()[i], result.image().argb()[i], "inside at " + x + "," + y);
                }
            }
        }
        assertEquals(0, changedOutside);
        assertEquals(image.argbAt(0, 0), result.image().argbAt(0, 0));
        assertTrue(result.image().argbAt(105, 65) != image.argbAt(105, 65));
    }

    @Test
    void sameSeedSameResultOtherSeedOtherResult() throws Exception {
        PixelImage image = photoLike(96, 64, 2);
        Mask mask = Mask.rectangle(96, 64, 10, 10, 60, 50);
        InpaintRequest request = InpaintRequest.reference(image, mask, PROMPT, 11).withSteps(8);
        float[] a = engine.inpaint(request, ProgressListener.NONE, new CancellationToken()).latent();
        float[] b = engine.inpaint(request, ProgressListener.NONE, new CancellationToken()).latent();
        float[] c = engine.inpaint(new InpaintRequest(image, mask, PROMPT, null, 8, 4f, 1f, 12, SamplerKind.REFERENCE,
                null, 8), ProgressListener.NONE, new CancellationToken()).latent();
        assertTrue(java.util.Arrays.equals(a, b));
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    @Test
    void progressArrivesOncePerStepWithThePreview() throws Exception {
        PixelImage image = photoLike(128, 64, 3);
        Mask mask = Mask.rectangle(128, 64, 0, 0, 64, 64);
        List<StepProgress> steps = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        engine.inpaint(InpaintRequest.reference(image, mask, PROMPT, 3).withSteps(12), new ProgressListener() {
            @Override
            public void onStage(String stage) {
                stages.add(stage);
            }

            @Override
            public void onStep(StepProgress progress) {
                steps.add(progress);
            }
        }, new CancellationToken());
        assertEquals(12, steps.size());
        assertEquals(List.of("encoding prompt", "encoding image", "denoising", "decoding", "compositing"), stages);
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(i + 1, steps.get(i).step());
            assertEquals(12, steps.get(i).total());
        }
        PixelImage preview = steps.getLast().preview();
        assertEquals(16, preview.width());
        assertEquals(8, preview.height());
    }
}
