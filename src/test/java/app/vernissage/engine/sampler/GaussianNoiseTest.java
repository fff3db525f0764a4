package app.vernissage.engine.sampler;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class GaussianNoiseTest {
    /**
     * Pinned draws: a JDK that changed SplittableRandom or its ziggurat would change every seed's
     * picture, and this test would say so.
     */
    @Test
    void firstDrawsArePinned() {
        assertArrayEquals(new float[]{-0.2826684f, 0.46854147f, 0.09964256f, -0.0391445f}, new GaussianNoise(0).fill(new float[4]));
        assertArrayEquals(new float[]{-0.7171652f, 1.02676f, 1.0366873f, 0.95973355f}, new GaussianNoise(42).fill(new float[4]));
    }

    @Test
    void sameSeedSameDrawsOtherSeedOtherDraws() {
        assertArrayEquals(new GaussianNoise(7).fill(new float[1000]), new GaussianNoise(7).fill(new float[1000]));
        assertFalse(java.util.Arrays.equals(new GaussianNoise(7).fill(new float[1000]), new GaussianNoise(8).fill(new float[1000])));
    }

    @Test
    void drawsAreStandardNormal() {
        float[] z = new GaussianNoise(3).fill(new float[200_000]);
        double mean = 0;
        double square = 0;
        int beyondTwo = 0;
        for (float v : z) {
            mean += v / (double) z.length;
            square += v * (double) v / z.length;
            beyondTwo += Math.abs(v) > 2 ? 1 : 0;
        }
        assertEquals(0, mean, 0.01);
        assertEquals(1, square - mean * mean, 0.01);
        assertEquals(0.0455, beyondTwo / (double) z.length, 0.002);
    }
}
