package app.vernissage.engine.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A linear stand-in for MoVQ with the real interface and factor 8. The encoder averages each 8x8
 * block and maps RGB to 4 latent channels ({@code latent = E rgb + e}); the decoder maps back
 * ({@code rgb = D latent + d}) and repeats each latent pixel 8x8. With {@code D E = I} and
 * {@code D e + d = 0}, decode(encode(x)) is the 8x8 block mean of x, and {@code (D, d)} is also
 * the exact latent-to-RGB preview map.
 */
final class SyntheticMovq {
    static final int FACTOR = 8;

    private SyntheticMovq() {
    }

    /** {@code encoderMatrix} is [4, 3] row-major, {@code encoderBias} [4]. */
    static void writeEncoder(Path file, float[] encoderMatrix, float[] encoderBias) throws IOException {
        GraphBuilder g = new GraphBuilder("synthetic_movq_encoder");
        String image = g.input("image", GraphBuilder.FLOAT, "batch", 3, "height", "width");
        String pooled = g.node("AveragePool", new String[]{image},
                Map.of("kernel_shape", new long[]{FACTOR, FACTOR}, "strides", new long[]{FACTOR, FACTOR}));
        String w = g.floats("enc_w", encoderMatrix, 4, 3, 1, 1);
        String b = g.floats("enc_b", encoderBias, 4);
        String latent = g.node("Conv", new String[]{pooled, w, b}, Map.of());
        g.output(latent, "latent", GraphBuilder.FLOAT, "batch", 4, "latent_height", "latent_width");
        g.write(file);
    }

    /**
     * {@code decoderMatrix} is [3, 4] row-major, {@code decoderBias} [3]; {@code smooth} upsamples
     * bilinearly (the demo's look) instead of repeating each latent pixel (the exact, testable form).
     */
    static void writeDecoder(Path file, float[] decoderMatrix, float[] decoderBias, boolean smooth) throws IOException {
        GraphBuilder g = new GraphBuilder("synthetic_movq_decoder");
        String latent = g.input("latent", GraphBuilder.FLOAT, "batch", 4, "latent_height", "latent_width");
        String w = g.floats("dec_w", decoderMatrix, 3, 4, 1, 1);
        String b = g.floats("dec_b", decoderBias, 3);
        String rgb = g.node("Conv", new String[]{latent, w, b}, Map.of());
        String scales = g.floats("scales", new float[]{1, 1, FACTOR, FACTOR}, 4);
        String image = g.node("Resize", new String[]{rgb, "", scales}, Map.of("mode", smooth ? "linear" : "nearest"));
        g.output(image, "image", GraphBuilder.FLOAT, "batch", 3, "height", "width");
        g.write(file);
    }
}
