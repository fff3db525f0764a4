package app.vernissage.engine.sampler;

/**
 * The cosine noise schedule of Kandinsky 3 (Nichol and Dhariwal's alpha-bar curve).
 *
 * <p>Betas are computed in double precision and stored as float32, exactly as the reference builds
 * them with {@code torch.tensor(betas, dtype=torch.float32)}. The cumulative product of
 * {@code 1 - beta} is taken over the float32 values, accumulated in double precision and stored as
 * float32, which is what torch's CPU {@code cumprod} does; a float32 running product would differ in
 * the 7th digit.
 */
public final class CosineSchedule {
    /** Number of training timesteps of the current reference sampler. */
    public static final int TRAINING_STEPS = 1000;
    private static final double MAX_BETA = 0.999;

    private final float[] betas;
    private final float[] alphasCumprod;

    private CosineSchedule(float[] betas) {
        this.betas = betas;
        this.alphasCumprod = new float[betas.length];
        double product = 1.0;
        for (int i = 0; i < betas.length; i++) {
            float alpha = 1f - betas[i];
            product *= alpha;
            alphasCumprod[i] = (float) product;
        }
    }

    /** The schedule with {@code timesteps} steps ({@link #TRAINING_STEPS} for the current sampler). */
    public static CosineSchedule of(int timesteps) {
        if (timesteps < 1) {
            throw new IllegalArgumentException("a schedule needs at least one timestep, got " + timesteps);
        }
        float[] betas = new float[timesteps];
        for (int i = 0; i < timesteps; i++) {
            double t1 = (double) i / timesteps;
            double t2 = (double) (i + 1) / timesteps;
            betas[i] = (float) Math.min(1 - alphaBar(t2) / alphaBar(t1), MAX_BETA);
        }
        return new CosineSchedule(betas);
    }

    /** The continuous alpha-bar curve: {@code cos^2(((s + 0.008) / 1.008) * pi / 2)}. */
    static double alphaBar(double s) {
        double c = Math.cos((s + 0.008) / 1.008 * Math.PI / 2);
        return c * c;
    }

    public int length() {
        return betas.length;
    }

    public float beta(int t) {
        return betas[t];
    }

    /** {@code prod_{i <= t} (1 - beta_i)} as float32. */
    public float alphaCumprod(int t) {
        return alphasCumprod[t];
    }

    /** A copy of the whole cumulative-product table. */
    public float[] alphasCumprod() {
        return alphasCumprod.clone();
    }
}
