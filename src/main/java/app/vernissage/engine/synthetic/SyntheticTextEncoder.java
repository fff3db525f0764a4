package app.vernissage.engine.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A text encoder with the real one's interface: {@code input_ids, attention_mask -> context}. It looks
 * each token up in an embedding table and zeroes rows whose mask is 0, so a test can compute its
 * output by hand.
 */
final class SyntheticTextEncoder {
    private SyntheticTextEncoder() {
    }

    /** {@code table} is row-major [vocab, dim]. */
    static void write(Path file, float[] table, int vocab, int dim) throws IOException {
        GraphBuilder g = new GraphBuilder("synthetic_text_encoder");
        String ids = g.input("input_ids", GraphBuilder.INT64, "batch", "tokens");
        String mask = g.input("attention_mask", GraphBuilder.INT64, "batch", "tokens");
        String weights = g.floats("embedding", table, vocab, dim);
        String rows = g.node("Gather", new String[]{weights, ids}, Map.of("axis", 0L));
        String maskF = g.node("Cast", new String[]{mask}, Map.of("to", (long) GraphBuilder.FLOAT));
        String mask3 = g.node("Unsqueeze", maskF, g.longs(-1));
        String context = g.node("Mul", rows, mask3);
        g.output(context, "context", GraphBuilder.FLOAT, "batch", "tokens", dim);
        g.write(file);
    }
}
