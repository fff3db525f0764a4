package app.vernissage.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Single steps of the current sampler against torch float32 goldens on [1, 4, 4, 4] latents, for
 * the pairs (999, 979), (519, 499), (19, 0) with eta 1 and 0; z comes from
 * {@code new GaussianNoise(noise_seed)}, which the Python side re-implements.
 *
 * <p>Tolerance {@value #TOL} absolute plus {@value #TOL} relative. Java and torch perform the
 * same float32 operations in the same order (the goldens agree with the reference code bit for
 * bit), so the results are normally bit-identical; the slack covers the parts that are not
 * correctly rounded on one side: torch's quantile lerp (fused multiply-add, 1 ulp in s, hence
 * 1 ulp relative in x0) and the noise (1 ulp in z). At t = 999 x0 is the guided residual divided by
 * sqrt(ac) = 4.9e-5, about 2e4 in magnitude, but that amplification is undone by the threshold
 * scale s (about 3e4), so x0 ends in [-1, 1] with float32 relative error. At (19, 0) the recomputed
 * eps divides the cancellation x - 0.999 x0 by sqrt(1 - ac) = 0.042, amplifying an x0 ulp about
 * 25 times, but that eps is then weighted by sqrt(1 - ac[0]) = 0.0064. Either way the effect on
 * values of order 1 stays below 1e-6.
 */
class ReferenceSamplerStepTest {
    private static final double TOL = 2e-6;

    static List<Named<JsonNode>> cases() {
        return SamplerGolden.named(SamplerGolden.cases("reference"),
                c -> "(" + c.required("t") + ", " + c.required("p") + ") eta " + c.required("eta"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stepMatchesTorch(JsonNode golden) {
        int index = golden.required("index").intValue();
        float eta = (float) golden.required("eta").doubleValue();
        ReferenceSampler sampler = new ReferenceSampler(golden.required("steps").intValue(), eta);
        int[] times = ReferenceSampler.timesteps(golden.required("steps").intValue());
        assertEquals(golden.required("t").intValue(), sampler.modelTimestep(index));
        assertEquals(golden.required("p").intValue(), times[index + 1]);

        float[] x = SamplerGolden.floats(golden.required("x"));
        float[] xCopy = x.clone();
        float[] guided = Guidance.combine(SamplerGolden.floats(golden.required("cond")),
                SamplerGolden.floats(golden.required("uncond")),
                (float) golden.required("guidance_weight").doubleValue());
        assertArrayEquals(SamplerGolden.floats(golden.required("guided")), guided, 0f, "guided eps");
        float[] guidedCopy = guided.clone();

        DenoiseStep step = sampler.step(index, x, guided, SamplerGolden.floats(golden.required("z")));

        String what = "(" + golden.required("t") + ", " + golden.required("p") + ") eta " + eta;
        SamplerGolden.assertClose(SamplerGolden.floats(golden.required("x0")), step.x0(), TOL, TOL, what + " x0");
        SamplerGolden.assertClose(SamplerGolden.floats(golden.required("next")), step.next(), TOL, TOL, what + " next");
        assertArrayEquals(xCopy, x, "x must not change");
        assertArrayEquals(guidedCopy, guided, "guided eps must not change");
    }

    /** Noise is added on every step but the last (p = 0), where z is not even read. */
    @Test
    void addsNoiseOnEveryStepButTheLast() {
        ReferenceSampler sampler = new ReferenceSampler(50, 1f);
        for (int i = 0; i < 49; i++) {
            assertEquals(true, sampler.addsNoise(i), "step " + i);
        }
        assertEquals(false, sampler.addsNoise(49));
        float[] x = new float[64];
        float[] eps = new float[64];
        Arrays.fill(x, 0.5f);
        Arrays.fill(eps, 0.1f);
        assertArrayEquals(sampler.step(49, x, eps, new float[64]).next(), sampler.step(49, x, eps, null).next());
    }
}
