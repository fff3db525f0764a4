package app.vernissage.engine.pipeline;

import app.vernissage.engine.modelset.ModelComponent;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.ModelSessions;
import app.vernissage.engine.runtime.TensorData;
import app.vernissage.engine.sampler.CosineSchedule;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.engine.testing.TestSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The oracle U-Net reads its channels in the reference order and uses the keep polarity, so the
 * whole-run prediction in {@link OracleRunTest} fails when the pipeline swaps either: the clean
 * latent the oracle implies moves far away when the sample is laid out wrongly.
 */
class OracleSensitivityTest {
    @TempDir
    Path dir;

    @Test
    void swappedChannelsOrPolarityChangeWhatTheOracleImplies() throws Exception {
        TestSets.write(dir, SyntheticModelSet.Options.oracle());
        int h = 4;
        int w = 4;
        int plane = h * w;
        SplittableRandom random = new SplittableRandom(1);
        float[] x = new float[4 * plane];
        float[] known = new float[4 * plane];
        float[] keep = new float[plane];
        for (int i = 0; i < 4 * plane; i++) {
            x[i] = (float) random.nextGaussian();
            known[i] = (float) (random.nextDouble() * 2 - 1);
        }
        for (int i = 0; i < plane; i++) {
            keep[i] = i % 3 == 0 ? 0f : 1f;
        }
        float[] inverted = new float[plane];
        for (int i = 0; i < plane; i++) {
            inverted[i] = 1f - keep[i];
        }
        try (ModelSessions sessions = new ModelSessions(TestSets.open(dir), TestSets.device(), MemoryMode.KEEP_LOADED)) {
            float[] right = impliedX0(sessions, x, layout(x, keep, known, plane), h, w);
            float[] polarity = impliedX0(sessions, x, layout(x, inverted, known, plane), h, w);
            float[] order = impliedX0(sessions, known, layout(known, keep, x, plane), h, w);
            for (int c = 0; c < 4; c++) {
                for (int i = 0; i < plane; i++) {
                    if (keep[i] == 1f) {
                        assertEquals(known[c * plane + i], right[c * plane + i], 1e-4, "kept latent passes through");
                    }
                }
            }
            assertTrue(maxDifference(right, polarity) > 0.3, "polarity swap must show");
            assertTrue(maxDifference(right, order) > 0.3, "channel-order swap must show");
        }
    }

    private static float[] layout(float[] noisy, float[] keep, float[] known, int plane) {
        float[] sample = new float[2 * 9 * plane];
        for (int b = 0; b < 2; b++) {
            System.arraycopy(noisy, 0, sample, b * 9 * plane, 4 * plane);
            System.arraycopy(keep, 0, sample, b * 9 * plane + 4 * plane, plane);
            System.arraycopy(known, 0, sample, b * 9 * plane + 5 * plane, 4 * plane);
        }
        return sample;
    }

    /** x0 = (x - sqrt(1 - ac) eps) / sqrt(ac) for the conditional half at t = 500. */
    private static float[] impliedX0(ModelSessions sessions, float[] x, float[] sample, int h, int w) throws Exception {
        int d = sessions.modelSet().contextDim();
        float[] context = new float[2 * 2 * d];
        context[0] = 1f;
        TensorData.Floats eps = sessions.run(ModelComponent.UNET, Map.of(
                "sample", new TensorData.Floats(new long[]{2, 9, h, w}, sample),
                "timestep", new TensorData.Longs(new long[]{2}, new long[]{500, 500}),
                "context", new TensorData.Floats(new long[]{2, 2, d}, context),
                "context_mask", new TensorData.Bools(new long[]{2, 2}, new boolean[]{true, false, true, false})),
                new CancellationToken());
        double ac = CosineSchedule.of(1000).alphaCumprod(500);
        float[] x0 = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x0[i] = (float) ((x[i] - Math.sqrt(1 - ac) * eps.data()[i]) / Math.sqrt(ac));
        }
        return x0;
    }

    private static double maxDifference(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }
}
