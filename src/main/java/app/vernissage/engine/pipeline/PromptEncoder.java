package app.vernissage.engine.pipeline;

import app.vernissage.engine.modelset.ModelComponent;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.engine.runtime.ModelSessions;
import app.vernissage.engine.runtime.TensorData;
import app.vernissage.engine.text.Conditioning;
import app.vernissage.engine.text.ConditioningBuilder;
import app.vernissage.engine.text.PromptTokenizer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns (prompt, negative prompt) into the U-Net's guided context, running the text encoder only
 * for pairs not seen recently: the real encoder is 17 GB and the context is reused across variants
 * and re-runs.
 */
final class PromptEncoder {
    private static final int CACHE_SIZE = 16;

    private final ModelSessions sessions;
    private final PromptTokenizer tokenizer;
    private final float[] nullEmbedding;
    private final int maxTokens;
    private final Map<Key, Conditioning> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Conditioning> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private int encoderRuns;

    PromptEncoder(ModelSessions sessions, PromptTokenizer tokenizer, float[] nullEmbedding, int maxTokens) {
        this.sessions = sessions;
        this.tokenizer = tokenizer;
        this.nullEmbedding = nullEmbedding;
        this.maxTokens = maxTokens;
    }

    private record Key(String prompt, String negative) {
    }

    synchronized Conditioning conditioning(String prompt, String negative, CancellationToken token) throws EngineException {
        Key key = new Key(prompt, negative);
        Conditioning cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        long[] ids = tokenizer.encode(prompt);
        float[] promptRows = encode(ids, token);
        float[] negativeRows = null;
        long[] negativeIds = null;
        if (negative != null) {
            negativeIds = tokenizer.encode(negative);
            negativeRows = encode(negativeIds, token);
        }
        Conditioning c = ConditioningBuilder.build(promptRows, ids.length, negativeRows,
                negativeIds == null ? 0 : negativeIds.length, nullEmbedding, maxTokens);
        cache.put(key, c);
        return c;
    }

    /** Runs the encoder on {@code ids} (no padding) and returns [L, D]. */
    private float[] encode(long[] ids, CancellationToken token) throws EngineException {
        long[] shape = {1, ids.length};
        long[] ones = new long[ids.length];
        Arrays.fill(ones, 1);
        TensorData.Floats out = sessions.run(ModelComponent.TEXT_ENCODER, Map.of(
                "input_ids", new TensorData.Longs(shape, ids),
                "attention_mask", new TensorData.Longs(shape, ones)), token);
        encoderRuns++;
        ModelSessions.expectShape(ModelComponent.TEXT_ENCODER, out, 1, ids.length, nullEmbedding.length);
        return out.data();
    }

    /** How many times the text encoder actually ran (cache misses count, hits do not). */
    synchronized int encoderRuns() {
        return encoderRuns;
    }

    @Override
    public String toString() {
        return "PromptEncoder[" + Objects.toString(cache.size()) + " cached]";
    }
}
