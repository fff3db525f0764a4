package app.vernissage.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ReferenceSampler.timesteps: 999, stride ceil(1000 / steps), values above 0, then 0. */
class TimestepsTest {
    @Test
    void fiftyStepsRunFrom999DownBy20ToZero() {
        int[] expected = IntStream.concat(IntStream.iterate(999, t -> t > 0, t -> t - 20), IntStream.of(0)).toArray();
        assertEquals(51, expected.length);
        assertEquals(19, expected[49]);
        assertArrayEquals(expected, ReferenceSampler.timesteps(50));
    }

    @Test
    void thirtyStepsUseStride34AndEndAt13ThenZero() {
        int[] times = ReferenceSampler.timesteps(30);
        assertEquals(31, times.length);
        assertEquals(999, times[0]);
        assertEquals(965, times[1]);
        assertEquals(13, times[29]);
        assertEquals(0, times[30]);
        for (int i = 1; i < 30; i++) {
            assertEquals(34, times[i - 1] - times[i]);
        }
    }

    @Test
    void sevenStepsUseStride143() {
        assertArrayEquals(new int[] {999, 856, 713, 570, 427, 284, 141, 0}, ReferenceSampler.timesteps(7));
    }

    @Test
    void oneStepGoesStraightFrom999ToZero() {
        assertArrayEquals(new int[] {999, 0}, ReferenceSampler.timesteps(1));
    }

    /** Like the reference, 1000 requested steps give 999..1 then 0, i.e. 999 model evaluations. */
    @Test
    void thousandStepsVisitEveryTimestepOnce() {
        int[] times = ReferenceSampler.timesteps(1000);
        assertEquals(1000, times.length);
        assertEquals(999, new ReferenceSampler(1000, 1f).steps());
        for (int i = 0; i < times.length; i++) {
            assertEquals(999 - i, times[i]);
        }
    }

    @ParameterizedTest(name = "steps = {0}")
    @ValueSource(ints = {50, 30, 25, 7, 3, 2, 1, 1000})
    void matchesGoldenAndSamplerExposesThem(int steps) {
        JsonNode golden = SamplerGolden.section("timesteps").required(Integer.toString(steps));
        int[] expected = SamplerGolden.ints(golden);
        assertArrayEquals(expected, ReferenceSampler.timesteps(steps));
        ReferenceSampler sampler = new ReferenceSampler(steps, 1f);
        assertEquals(expected.length - 1, sampler.steps());
        for (int i = 0; i < sampler.steps(); i++) {
            assertEquals(expected[i], sampler.modelTimestep(i));
        }
    }

    @Test
    void rejectsStepCountsOutsideOneToThousand() {
        assertThrows(IllegalArgumentException.class, () -> new ReferenceSampler(0, 1f));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceSampler(1001, 1f));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceSampler(50, 1.5f));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceSampler(50, Float.NaN));
    }
}
