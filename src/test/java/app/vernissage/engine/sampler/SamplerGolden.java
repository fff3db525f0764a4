package app.vernissage.engine.sampler;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Named;

/**
 * Reads src/test/resources/golden/sampler.json, written by src/test/python/make_sampler_goldens.py
 * (torch float32 arithmetic). Every number there is a float32 value printed exactly, so
 * {@code (float) parseDouble} gives back the very same bits.
 */
final class SamplerGolden {
    private static final JsonNode ROOT = load();

    private SamplerGolden() {
    }

    private static JsonNode load() {
        try (InputStream in = SamplerGolden.class.getResourceAsStream("/golden/sampler.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "Missing golden/sampler.json; run /usr/bin/python3 src/test/python/make_sampler_goldens.py");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode section(String name) {
        return ROOT.required(name);
    }

    static List<JsonNode> cases(String sectionName) {
        List<JsonNode> out = new ArrayList<>();
        section(sectionName).required("cases").forEach(out::add);
        return out;
    }

    /** Golden cases as parameterized-test arguments, displayed by a short label instead of the JSON. */
    static List<Named<JsonNode>> named(Iterable<JsonNode> cases, Function<JsonNode, String> label) {
        List<Named<JsonNode>> out = new ArrayList<>();
        cases.forEach(c -> out.add(Named.of(label.apply(c), c)));
        return out;
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).doubleValue();
        }
        return out;
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).intValue();
        }
        return out;
    }

    /** Distance in float32 units in the last place (0 when bit-identical, 1 for neighbours). */
    static long ulps(float a, float b) {
        return Math.abs(ordered(a) - ordered(b));
    }

    private static long ordered(float f) {
        int bits = Float.floatToIntBits(f == 0f ? 0f : f);
        return bits < 0 ? (long) Integer.MIN_VALUE - bits : bits;
    }

    /** Fails unless every element is within {@code atol + rtol * |expected|}; names the worst element. */
    static void assertClose(float[] expected, float[] actual, double rtol, double atol, String what) {
        if (expected.length != actual.length) {
            fail(what + ": length " + actual.length + ", expected " + expected.length);
        }
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs((double) actual[i] - expected[i]);
            double excess = diff - (atol + rtol * Math.abs(expected[i]));
            if (!(excess <= 0) && (worst < 0 || excess > worstExcess || Double.isNaN(excess))) {
                worst = i;
                worstExcess = excess;
            }
        }
        if (worst >= 0) {
            fail(String.format("%s: element %d is %s, expected %s (diff %.3g, allowed %.3g + %.3g * |expected|)",
                    what, worst, actual[worst], expected[worst],
                    Math.abs((double) actual[worst] - expected[worst]), atol, rtol));
        }
    }
}
