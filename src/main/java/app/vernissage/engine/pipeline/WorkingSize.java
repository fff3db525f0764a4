package app.vernissage.engine.pipeline;

/**
 * The size the model works at, as the reference computes it: {@code rf = max(1, sqrt(W H) / 1024)},
 * {@code W' = floor(round(W / rf) / 64) * 64}, likewise H' (about 1 megapixel at most, never
 * upscaled, no crop). Ours: a side that would round to 0 becomes 64, so pictures smaller than
 * 64 pixels work too (the reference fails on them).
 */
public record WorkingSize(int width, int height) {
    public static final int MULTIPLE = 64;
    public static final int LATENT_FACTOR = 8;

    public static WorkingSize of(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        double reduce = Math.max(1.0, Math.sqrt((double) width * height) / 1024.0);
        return new WorkingSize(side(width, reduce), side(height, reduce));
    }

    private static int side(int length, double reduce) {
        long rounded = Math.round(length / reduce);
        // Python's round() rounds halves to even; Math.round rounds them up. Match Python.
        double exact = length / reduce;
        if (exact - Math.floor(exact) == 0.5 && (long) Math.floor(exact) % 2 == 0) {
            rounded = (long) Math.floor(exact);
        }
        return (int) Math.max(MULTIPLE, rounded / MULTIPLE * MULTIPLE);
    }

    public int latentWidth() {
        return width / LATENT_FACTOR;
    }

    public int latentHeight() {
        return height / LATENT_FACTOR;
    }
}
