package app.vernissage.engine.synthetic;

import app.vernissage.engine.sampler.CosineSchedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A 9-channel inpainting U-Net stand-in with the real interface
 * {@code (sample [B,9,h,w], timestep [B], context [B,N,D], context_mask bool [B,N]) -> noise_pred [B,4,h,w]}.
 *
 * <p>It predicts a clean latent x0 from the conditioning ({@link UnetSpec.Fill}) and returns the
 * epsilon that leads the sampler to that x0: {@code eps = (x_t - sqrt(ac[t]) x0) / sqrt(1 - ac[t])}
 * with the reference's 1000-step cosine table. Channels are read in the reference order
 * {@code [x_t (4), keep (1), masked latent (4)]}, so a swapped order or mask polarity changes the result.
 */
final class SyntheticUnet {
    private static final int BLUR_KERNEL = 31;

    private SyntheticUnet() {
    }

    static void write(Path file, UnetSpec spec) throws IOException {
        GraphBuilder g = new GraphBuilder("synthetic_unet_" + spec.fill().name().toLowerCase());
        g.metadata("vernissage.synthetic", spec.fill().name());
        int io = spec.fp16() ? GraphBuilder.FLOAT16 : GraphBuilder.FLOAT;
        String sample = toFloat(g, g.input("sample", io, "batch", 9, "latent_height", "latent_width"), spec.fp16());
        String timestep = g.input("timestep", spec.floatTimestep() ? GraphBuilder.FLOAT : GraphBuilder.INT64, "batch");
        String context = toFloat(g, g.input("context", io, "batch", "context_length", spec.contextDim()), spec.fp16());
        String contextMask = g.input("context_mask", GraphBuilder.BOOL, "batch", "context_length");

        String x = slice(g, sample, 0, 4);
        String keep = slice(g, sample, 4, 5);
        String maskedLatent = slice(g, sample, 5, 9);

        String t = spec.floatTimestep() ? g.node("Cast", new String[]{timestep}, Map.of("to", (long) GraphBuilder.INT64)) : timestep;
        String ac = g.node("Gather", new String[]{g.floats("alphas_cumprod", CosineSchedule.of(1000).alphasCumprod(), 1000), t}, Map.of("axis", 0L));
        String ac4 = g.node("Reshape", ac, g.longs(-1, 1, 1, 1));
        String sqrtAc = g.node("Sqrt", ac4);
        String sqrtOneMinusAc = g.node("Sqrt", g.node("Sub", g.scalar(1f), ac4));

        String colour = contextColour(g, spec, context, contextMask);
        String fill = spec.fill() == UnetSpec.Fill.ORACLE ? colour : demoFill(g, keep, maskedLatent, colour);
        String hole = g.node("Sub", g.scalar(1f), keep);
        String x0 = g.node("Add", g.node("Mul", keep, maskedLatent), g.node("Mul", hole, fill));
        String eps = g.node("Div", g.node("Sub", x, g.node("Mul", sqrtAc, x0)), sqrtOneMinusAc);
        if (spec.heavyLayers() > 0) {
            eps = g.node("Add", eps, g.node("Mul", heavy(g, spec, sample), g.scalar(0f)));
        }
        if (spec.fp16()) {
            eps = g.node("Cast", new String[]{eps}, Map.of("to", (long) GraphBuilder.FLOAT16));
        }
        g.output(eps, "noise_pred", io, "batch", 4, "latent_height", "latent_width");
        g.write(file);
    }

    /** {@code mean over all N rows of context} times P, plus k times the number of true keys: [B,4,1,1]. */
    private static String contextColour(GraphBuilder g, UnetSpec spec, String context, String contextMask) {
        String pooled = g.node("ReduceMean", new String[]{context}, Map.of("axes", new long[]{1}, "keepdims", 0L));
        String projected = g.node("MatMul", pooled, g.floats(g.fresh("projection"), spec.projection(), spec.contextDim(), 4));
        String keys = g.node("ReduceSum", new String[]{g.node("Cast", new String[]{contextMask}, Map.of("to", (long) GraphBuilder.FLOAT)),
                g.longs(1)}, Map.of("keepdims", 1L));
        String keyTerm = g.node("Mul", keys, g.floats(g.fresh("key_weight"), spec.keyWeight(), 1, 4));
        return g.node("Reshape", g.node("Add", projected, keyTerm), g.longs(-1, 4, 1, 1));
    }

    /**
     * Normalised box blurs of the known latent at two scales (7 and 31 latent pixels), each used where
     * enough known pixels are near, the known area's mean colour elsewhere, plus a quarter of the
     * prompt colour: a smooth fill that continues the surroundings into the hole.
     */
    private static String demoFill(GraphBuilder g, String keep, String maskedLatent, String colour) {
        String known = g.node("Mul", keep, maskedLatent);
        String knownSum = g.node("ReduceSum", new String[]{known, g.longs(2, 3)}, Map.of("keepdims", 1L));
        String keepSum = g.node("ReduceSum", new String[]{keep, g.longs(2, 3)}, Map.of("keepdims", 1L));
        String local = g.node("Div", knownSum, g.node("Max", keepSum, g.scalar(1f)));
        for (int kernel : new int[]{BLUR_KERNEL, 7}) {
            Map<String, Object> box = Map.of(
                    "kernel_shape", new long[]{kernel, kernel},
                    "pads", new long[]{kernel / 2, kernel / 2, kernel / 2, kernel / 2},
                    "count_include_pad", 0L);
            String coverage = g.node("AveragePool", new String[]{keep}, box);
            String spread = g.node("Div", g.node("AveragePool", new String[]{known}, box), g.node("Max", coverage, g.scalar(1e-4f)));
            String reach = g.node("Clip", g.node("Mul", coverage, g.scalar(4f)), g.scalar(0f), g.scalar(1f));
            local = g.node("Add", g.node("Mul", reach, spread), g.node("Mul", g.node("Sub", g.scalar(1f), reach), local));
        }
        return g.node("Add", local, g.node("Mul", colour, g.scalar(0.25f)));
    }

    private static String heavy(GraphBuilder g, UnetSpec spec, String sample) {
        SplittableRandom random = new SplittableRandom(7);
        int c = spec.heavyChannels();
        Map<String, Object> same = Map.of("pads", new long[]{1, 1, 1, 1});
        String h = g.node("Conv", new String[]{sample, g.floats(g.fresh("heavy_in"), weights(random, c * 9 * 9, 9 * 9), c, 9, 3, 3)}, same);
        for (int i = 0; i < spec.heavyLayers(); i++) {
            String w = g.floats(g.fresh("heavy_w"), weights(random, c * c * 9, c * 9), c, c, 3, 3);
            h = g.node("Relu", g.node("Conv", new String[]{h, w}, same));
        }
        return g.node("Conv", new String[]{h, g.floats(g.fresh("heavy_out"), weights(random, 4 * c, c), 4, c, 1, 1)}, Map.of());
    }

    private static float[] weights(SplittableRandom random, int count, int fanIn) {
        float[] w = new float[count];
        double scale = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < count; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return w;
    }

    private static String slice(GraphBuilder g, String input, long from, long to) {
        return g.node("Slice", input, g.longs(from), g.longs(to), g.longs(1));
    }

    private static String toFloat(GraphBuilder g, String value, boolean fp16) {
        return fp16 ? g.node("Cast", new String[]{value}, Map.of("to", (long) GraphBuilder.FLOAT)) : value;
    }
}
