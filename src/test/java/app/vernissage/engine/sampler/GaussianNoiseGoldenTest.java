package app.vernissage.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Python golden script re-implements GaussianNoise (SplitMix64 + Box-Muller) to produce the z
 * of the step goldens. This proves both sides draw the same numbers, so the step tests can feed a
 * real {@code new GaussianNoise(seed)}. At most one float32 ulp apart: Java's Math.log/sin/cos and
 * the C library's may differ in the last bit of a double, which very rarely survives rounding to float.
 */
class GaussianNoiseGoldenTest {
    @Test
    void drawsMatchThePythonReimplementation() {
        Iterator<Map.Entry<String, JsonNode>> seeds =
                SamplerGolden.section("noise").properties().iterator();
        int checked = 0;
        while (seeds.hasNext()) {
            var entry = seeds.next();
            long seed = Long.parseLong(entry.getKey());
            float[] expected = SamplerGolden.floats(entry.getValue());
            GaussianNoise noise = new GaussianNoise(seed);
            for (int i = 0; i < expected.length; i++) {
                float actual = noise.next();
                final int index = i;
                assertTrue(SamplerGolden.ulps(expected[i], actual) <= 1,
                        () -> "seed " + seed + " draw " + index + ": " + actual + ", Python " + expected[index]);
                checked++;
            }
        }
        assertTrue(checked >= 30, "only " + checked + " draws checked");
    }
}
