package app.vernissage.core.brush;

/**
 * A round brush for the mask.
 *
 * @param size     diameter in image pixels, 1..1000
 * @param hardness 1 = hard edge (full coverage to the rim), 0 = coverage falls smoothly from the
 *                 centre to the rim
 * @param eraser   true to remove mask (towards 0) instead of adding it (towards 255)
 */
public record Brush(double size, double hardness, boolean eraser) {
    public static final double MIN_SIZE = 1;
    public static final double MAX_SIZE = 1000;

    public Brush {
        if (!(size >= MIN_SIZE && size <= MAX_SIZE)) {
            throw new IllegalArgumentException("Brush size must be 1..1000 pixels, got " + size + ".");
        }
        if (!(hardness >= 0 && hardness <= 1)) {
            throw new IllegalArgumentException("Brush hardness must be 0..1, got " + hardness + ".");
        }
    }

    public double radius() {
        return size / 2;
    }

    /** Distance between dabs along a stroke: a quarter of the size, at least half a pixel. */
    public double spacing() {
        return Math.max(0.5, size / 4);
    }

    /**
     * Coverage 0..1 at {@code distance} image pixels from the dab centre. Full inside
     * {@code radius * hardness}, falling with a smoothstep to 0 at the rim; a hard brush is all or nothing.
     */
    public double coverage(double distance) {
        double r = Math.max(0.5, radius());
        if (distance > r) {
            return 0;
        }
        double inner = r * hardness;
        if (distance <= inner || hardness >= 1) {
            return 1;
        }
        double t = (r - distance) / (r - inner);
        return t * t * (3 - 2 * t);
    }
}
