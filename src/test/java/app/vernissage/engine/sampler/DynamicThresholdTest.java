package app.vernissage.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The quantile against torch.quantile, and the clamp-and-scale of the reference's threshold. */
class DynamicThresholdTest {

    /** The formula of make_sampler_goldens.hashed_values: exact float32 values in [-4, 4). */
    static float[] hashedValues(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            long h = ((i * 2654435761L) & 0xFFFFFFFFL) >>> 8;
            out[i] = (float) (h - (1 << 23)) / (1 << 21);
        }
        return out;
    }

    static List<Named<JsonNode>> quantileCases() {
        return SamplerGolden.named(SamplerGolden.cases("quantile"),
                c -> "n = " + c.required("n") + ", q = " + c.required("q"));
    }

    /**
     * Within 1e-6 relative of torch. Not bit-exact by contract: torch's lerp may use a fused
     * multiply-add, which can move the result by one float32 ulp (about 1.2e-7 relative).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("quantileCases")
    void quantileOfMagnitudesMatchesTorch(JsonNode golden) {
        int n = golden.required("n").intValue();
        float q = (float) golden.required("q").doubleValue();
        float[] values = hashedValues(n);
        float[] head = SamplerGolden.floats(golden.required("head"));
        for (int i = 0; i < head.length; i++) {
            assertEquals(head[i], values[i], "input formula differs from the Python side at " + i);
        }
        float[] magnitudes = new float[n];
        for (int i = 0; i < n; i++) {
            magnitudes[i] = Math.abs(values[i]);
        }
        float expected = (float) golden.required("quantile").doubleValue();
        float actual = DynamicThreshold.quantile(magnitudes, q);
        assertEquals(expected, actual, 1e-6 * expected, "quantile(|v|, " + q + ") of " + n + " values");
    }

    @Test
    void quantileInterpolatesLinearlyBetweenRanks() {
        assertEquals(2.5f, DynamicThreshold.quantile(new float[] {4f, 1f, 2f, 3f}, 0.5f), 1e-6f);
        assertEquals(3.85f, DynamicThreshold.quantile(new float[] {4f, 1f, 2f, 3f}, 0.95f), 1e-6f);
        assertEquals(7f, DynamicThreshold.quantile(new float[] {7f}, 0.95f));
    }

    @Test
    void scaleAboveOneClampsToScaleAndDivides() {
        float[] x0 = hashedValues(4096);
        float[] original = x0.clone();
        float[] magnitudes = new float[x0.length];
        for (int i = 0; i < x0.length; i++) {
            magnitudes[i] = Math.abs(x0[i]);
        }
        float expectedScale = DynamicThreshold.quantile(magnitudes, 0.95f);
        assertTrue(expectedScale > 3.5f && expectedScale < 4f, "scale " + expectedScale);

        float s = DynamicThreshold.apply(x0, DynamicThreshold.REFERENCE_PERCENTILE);

        assertEquals(expectedScale, s);
        for (int i = 0; i < x0.length; i++) {
            float clamped = Math.min(Math.max(original[i], -s), s);
            assertEquals(clamped / s, x0[i], "element " + i + " (was " + original[i] + ")");
            assertTrue(Math.abs(x0[i]) <= 1f);
        }
    }

    @Test
    void scaleNeverDropsBelowOneSoSmallValuesPassUnchanged() {
        float[] x0 = hashedValues(64);
        for (int i = 0; i < x0.length; i++) {
            x0[i] *= 0.2f; // |x0| < 0.8
        }
        float[] original = x0.clone();
        assertEquals(1f, DynamicThreshold.apply(x0, 0.95f));
        assertArrayEquals(original, x0);

        float[] zeros = new float[16];
        assertEquals(1f, DynamicThreshold.apply(zeros, 0.95f));
        assertArrayEquals(new float[16], zeros);
    }

    @Test
    void outliersAreClampedToOneEvenWhenScaleIsOne() {
        float[] x0 = new float[100];
        Arrays.fill(x0, 0.25f);
        x0[3] = 7f;
        x0[50] = -9f;
        assertEquals(1f, DynamicThreshold.apply(x0, 0.95f));
        assertEquals(1f, x0[3]);
        assertEquals(-1f, x0[50]);
        assertEquals(0.25f, x0[0]);
    }

    @Test
    void applyKeepsElementOrder() {
        float[] x0 = {5f, -6f, 0.5f, 8f, -0.25f};
        float s = DynamicThreshold.apply(x0, 0.5f); // median of |x0| = 5
        assertEquals(5f, s);
        assertArrayEquals(new float[] {1f, -1f, 0.1f, 1f, -0.05f}, x0);
    }
}
