package app.vernissage.engine.text;

/**
 * Builds the guided context exactly as the reference does (see docs/pipeline.md):
 * the prompt's L encoded rows plus one zero row, {@code N = min(L + 1, maxTokens)}, mask true for the
 * L real rows. Without a negative prompt the unconditional half is zeros with row 0 set to the null
 * embedding and mask {@code [1, 0, 0, ...]}. With one (our behaviour, the reference's is buggy) the
 * negative prompt is encoded like the prompt and both are padded with zero rows to the same N.
 */
public final class ConditioningBuilder {
    private ConditioningBuilder() {
    }

    /**
     * @param prompt       encoded prompt rows [L, D]
     * @param promptTokens L
     * @param negative     encoded negative-prompt rows [Ln, D], or null for none
     * @param negTokens    Ln
     */
    public static Conditioning build(float[] prompt, int promptTokens, float[] negative, int negTokens,
                                     float[] nullEmbedding, int maxTokens) {
        int width = nullEmbedding.length;
        int n = Math.min(promptTokens + 1, maxTokens);
        if (negative != null) {
            n = Math.max(n, Math.min(negTokens + 1, maxTokens));
        }
        float[] context = new float[2 * n * width];
        boolean[] mask = new boolean[2 * n];
        copyRows(prompt, Math.min(promptTokens, n), width, context, mask, 0, n);
        if (negative == null) {
            System.arraycopy(nullEmbedding, 0, context, n * width, width);
            mask[n] = true;
        } else {
            copyRows(negative, Math.min(negTokens, n), width, context, mask, 1, n);
        }
        return new Conditioning(context, mask, n, width);
    }

    private static void copyRows(float[] rows, int count, int width, float[] context, boolean[] mask, int batch, int n) {
        System.arraycopy(rows, 0, context, batch * n * width, count * width);
        for (int i = 0; i < count; i++) {
            mask[batch * n + i] = true;
        }
    }
}
