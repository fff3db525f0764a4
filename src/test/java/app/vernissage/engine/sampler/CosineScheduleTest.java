package app.vernissage.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 1000-step cosine schedule against the documented constants and torch's float32 tables. */
class CosineScheduleTest {
    private static final CosineSchedule SCHEDULE = CosineSchedule.of(CosineSchedule.TRAINING_STEPS);
    private static final JsonNode GOLDEN = SamplerGolden.section("schedule");

    /**
     * The check values of the doc (section 3). Each tolerance is half a unit in the last printed
     * digit, relative: 8 digits for ac[0] and ac[19], 4 for ac[979], 3 for ac[999].
     */
    @ParameterizedTest(name = "ac[{0}] = {1}")
    @CsvSource({"0, 0.99995869, 5e-9", "19, 0.99825245, 5e-9", "979, 9.712e-4, 5e-5", "999, 2.43e-9, 2.1e-3"})
    void matchesDocumentedCheckValues(int t, double documented, double relativeTolerance) {
        double actual = SCHEDULE.alphaCumprod(t);
        assertEquals(documented, actual, relativeTolerance * documented, "ac[" + t + "]");
    }

    @Test
    void everyBetaAndCumulativeProductMatchesTorchWithinOneUlp() {
        float[] betas = SamplerGolden.floats(GOLDEN.required("betas"));
        float[] ac = SamplerGolden.floats(GOLDEN.required("alphas_cumprod"));
        assertEquals(CosineSchedule.TRAINING_STEPS, SCHEDULE.length());
        assertEquals(betas.length, SCHEDULE.length());
        for (int t = 0; t < betas.length; t++) {
            assertWithinOneUlpOrRelative(betas[t], SCHEDULE.beta(t), "beta[" + t + "]");
            assertWithinOneUlpOrRelative(ac[t], SCHEDULE.alphaCumprod(t), "ac[" + t + "]");
        }
        float[] copy = SCHEDULE.alphasCumprod();
        copy[0] = 0f;
        assertEquals(ac[0], SCHEDULE.alphaCumprod(0), "alphasCumprod() must return a copy");
    }

    @Test
    void lastBetaIsClippedTo0999() {
        assertEquals(0.999f, SCHEDULE.beta(999));
        assertTrue(SCHEDULE.beta(998) < 0.999f);
    }

    /**
     * Independent of CosineSchedule: from torch's float32 betas, a double running product rounded
     * at each index reproduces torch's table exactly, while a float32 running product does not
     * (it drifts by more than 1e-6 relative). So the double accumulation is what makes the match.
     */
    @Test
    void doubleAccumulationIsWhatMatchesTorch() {
        float[] betas = SamplerGolden.floats(GOLDEN.required("betas"));
        float[] ac = SamplerGolden.floats(GOLDEN.required("alphas_cumprod"));
        double doubleProduct = 1.0;
        float floatProduct = 1f;
        int floatMismatches = 0;
        double floatWorstRelative = 0;
        for (int t = 0; t < betas.length; t++) {
            float alpha = 1f - betas[t];
            doubleProduct *= alpha;
            floatProduct *= alpha;
            assertEquals(ac[t], (float) doubleProduct, "double-accumulated ac[" + t + "]");
            if (floatProduct != ac[t]) {
                floatMismatches++;
                floatWorstRelative = Math.max(floatWorstRelative, Math.abs(floatProduct / (double) ac[t] - 1));
            }
        }
        assertTrue(floatMismatches > 900, "float32 running product differs at only " + floatMismatches + " indices");
        assertTrue(floatWorstRelative > 1e-6, "float32 running product drifts only " + floatWorstRelative);
    }

    @Test
    void rebuiltFiftyStepScheduleMatchesTorch() {
        float[] ac = SamplerGolden.floats(SamplerGolden.section("ddpm").required("alphas_cumprod"));
        CosineSchedule fifty = CosineSchedule.of(50);
        assertEquals(ac.length, fifty.length());
        for (int t = 0; t < ac.length; t++) {
            assertWithinOneUlpOrRelative(ac[t], fifty.alphaCumprod(t), "T=50 ac[" + t + "]");
        }
    }

    @Test
    void rejectsEmptySchedule() {
        assertThrows(IllegalArgumentException.class, () -> CosineSchedule.of(0));
    }

    private static void assertWithinOneUlpOrRelative(float expected, float actual, String what) {
        boolean ok = SamplerGolden.ulps(expected, actual) <= 1
                || Math.abs((double) actual - expected) <= 1e-7 * Math.abs(expected);
        assertTrue(ok, () -> what + " = " + actual + ", torch " + expected);
    }
}
