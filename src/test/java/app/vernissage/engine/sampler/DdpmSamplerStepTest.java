package app.vernissage.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first-release DDPM sampler (schedule rebuilt with T = 50) against torch float32 goldens at
 * schedule indices 49, 25 and 0. Tolerances as in ReferenceSamplerStepTest, for the same reasons;
 * the posterior standard deviation also goes through log and exp, which torch evaluates with
 * vectorised approximations (within 1 ulp each), so std is allowed {@value #STD_ULPS} ulps.
 */
class DdpmSamplerStepTest {
    private static final double TOL = 2e-6;
    private static final int STD_ULPS = 2;
    private static final JsonNode GOLDEN = SamplerGolden.section("ddpm");

    static List<Named<JsonNode>> cases() {
        return SamplerGolden.named(SamplerGolden.cases("ddpm"), c -> "t = " + c.required("t"));
    }

    @Test
    void modelTimestepsAreScheduleIndexTimesTwenty() {
        DdpmSampler sampler = new DdpmSampler(50);
        int[] expected = SamplerGolden.ints(GOLDEN.required("model_timesteps"));
        assertEquals(expected.length, sampler.steps());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], sampler.modelTimestep(i), "step " + i);
        }
        assertEquals(980, sampler.modelTimestep(0));
        assertEquals(0, sampler.modelTimestep(49));
    }

    /** exp(0.5 * log(pv)) with pv[0] replaced by pv[1] (the reference's [pv[1], pv[1:]] rule). */
    @Test
    void posteriorStdMatchesTorch() {
        DdpmSampler sampler = new DdpmSampler(50);
        float[] std = SamplerGolden.floats(GOLDEN.required("std"));
        for (int t = 0; t < std.length; t++) {
            final int index = t;
            assertTrue(SamplerGolden.ulps(std[t], sampler.std(t)) <= STD_ULPS,
                    () -> "std[" + index + "] = " + sampler.std(index) + ", torch " + std[index]);
        }
        assertEquals(sampler.std(1), sampler.std(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stepMatchesTorch(JsonNode golden) {
        DdpmSampler sampler = new DdpmSampler(GOLDEN.required("steps").intValue());
        int index = golden.required("index").intValue();
        int t = golden.required("t").intValue();
        assertEquals(t, sampler.scheduleIndex(index));
        assertEquals(golden.required("model_timestep").intValue(), sampler.modelTimestep(index));

        float[] x = SamplerGolden.floats(golden.required("x"));
        float[] guided = Guidance.combine(SamplerGolden.floats(golden.required("cond")),
                SamplerGolden.floats(golden.required("uncond")),
                (float) golden.required("guidance_weight").doubleValue());
        assertArrayEquals(SamplerGolden.floats(golden.required("guided")), guided, 0f, "guided eps");

        DenoiseStep step = sampler.step(index, x, guided, SamplerGolden.floats(golden.required("z")));

        SamplerGolden.assertClose(SamplerGolden.floats(golden.required("x0")), step.x0(), TOL, TOL, "t " + t + " x0");
        SamplerGolden.assertClose(SamplerGolden.floats(golden.required("next")), step.next(), TOL, TOL, "t " + t + " next");
    }

    @Test
    void lastStepAddsNoNoise() {
        DdpmSampler sampler = new DdpmSampler(50);
        float[] x = new float[64];
        Arrays.fill(x, 0.3f);
        float[] eps = new float[64];
        assertEquals(false, sampler.addsNoise(49));
        assertEquals(true, sampler.addsNoise(48));
        DenoiseStep a = sampler.step(49, x, eps, new GaussianNoise(11).fill(new float[64]));
        DenoiseStep b = sampler.step(49, x, eps, null);
        assertArrayEquals(a.next(), b.next());
    }

    @Test
    void rejectsFewerThanTwoSteps() {
        assertThrows(IllegalArgumentException.class, () -> new DdpmSampler(1));
    }
}
