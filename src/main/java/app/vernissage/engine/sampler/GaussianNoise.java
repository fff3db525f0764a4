package app.vernissage.engine.sampler;

import java.util.SplittableRandom;

/**
 * Seeded standard-normal numbers. The generator (SplitMix64 inside {@link SplittableRandom}, then
 * Box-Muller) is fully specified, so a seed gives the same noise on every JDK and machine.
 */
public final class GaussianNoise {
    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    public GaussianNoise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public float next() {
        if (hasSpare) {
            hasSpare = false;
            return (float) spare;
        }
        double u1;
        do {
            u1 = random.nextDouble();
        } while (u1 <= Double.MIN_NORMAL);
        double u2 = random.nextDouble();
        double radius = Math.sqrt(-2 * Math.log(u1));
        double angle = 2 * Math.PI * u2;
        spare = radius * Math.sin(angle);
        hasSpare = true;
        return (float) (radius * Math.cos(angle));
    }

    /** Fills {@code out} with fresh draws and returns it. */
    public float[] fill(float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = next();
        }
        return out;
    }
}
