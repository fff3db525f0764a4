package app.vernissage.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Classifier-free guidance (w + 1) * cond - w * uncond, evaluated as torch does in float32. */
class GuidanceTest {
    static List<Named<JsonNode>> goldens() {
        return SamplerGolden.named(SamplerGolden.section("guidance"), c -> "w = " + c.required("weight"));
    }

    /** Same float32 operations in the same order as torch, so bit-identical. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void matchesTorchBitForBit(JsonNode golden) {
        float weight = (float) golden.required("weight").doubleValue();
        float[] cond = SamplerGolden.floats(golden.required("cond"));
        float[] uncond = SamplerGolden.floats(golden.required("uncond"));
        float[] condCopy = cond.clone();
        float[] uncondCopy = uncond.clone();

        float[] guided = Guidance.combine(cond, uncond, weight);

        assertArrayEquals(SamplerGolden.floats(golden.required("guided")), guided, 0f, "w = " + weight);
        assertArrayEquals(condCopy, cond, "cond must not change");
        assertArrayEquals(uncondCopy, uncond, "uncond must not change");
    }

    @Test
    void weightZeroIsTheConditionalPrediction() {
        float[] cond = {0.1f, -2f, 3.5f};
        float[] guided = Guidance.combine(cond, new float[] {9f, 9f, 9f}, 0f);
        assertArrayEquals(cond, guided);
        assertNotSame(cond, guided);
    }

    @Test
    void referenceWeightFourIsFiveTimesCondMinusFourTimesUncond() {
        assertArrayEquals(new float[] {1f, 6f, -9f},
                Guidance.combine(new float[] {1f, 2f, -1f}, new float[] {1f, 1f, 1f}, 4f));
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThrows(IllegalArgumentException.class, () -> Guidance.combine(new float[3], new float[4], 4f));
    }

    @Test
    void halvesOfOneBatchGiveTheSameAsTwoArrays() {
        float[] cond = {0.5f, -1.25f, 3f};
        float[] uncond = {0.25f, 2f, -0.75f};
        float[] batch = {0.5f, -1.25f, 3f, 0.25f, 2f, -0.75f};
        org.junit.jupiter.api.Assertions.assertArrayEquals(Guidance.combine(cond, uncond, 4f),
                Guidance.combineHalves(batch, 3, 4f, new float[3]));
    }
}
