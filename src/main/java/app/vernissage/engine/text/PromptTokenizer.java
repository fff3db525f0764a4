package app.vernissage.engine.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import app.vernissage.engine.runtime.EngineException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * T5's SentencePiece tokenizer, loaded from the model set's {@code tokenizer.json} through DJL's
 * binding of Hugging Face tokenizers: fully offline (its tracking and downloads are switched off
 * before the library loads). Ids end with EOS; longer prompts are cut to {@code maxTokens} with EOS
 * kept as the last id.
 */
public final class PromptTokenizer implements AutoCloseable {
    /** T5's end-of-sequence id. */
    public static final long EOS_ID = 1;

    static {
        OfflineLibraries.enforce();
    }

    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;

    private PromptTokenizer(HuggingFaceTokenizer tokenizer, int maxTokens) {
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
    }

    public static PromptTokenizer load(Path file, int maxTokens) throws EngineException {
        if (!Files.isRegularFile(file)) {
            throw new EngineException("The tokenizer file " + file + " is missing");
        }
        try {
            HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(file, Map.of(
                    "addSpecialTokens", "true", "truncation", "false", "padding", "false",
                    "maxLength", Integer.toString(Integer.MAX_VALUE / 2)));
            return new PromptTokenizer(t, maxTokens);
        } catch (RuntimeException | java.io.IOException | UnsatisfiedLinkError e) {
            throw new EngineException("The tokenizer file " + file.getFileName() + " could not be loaded: " + e.getMessage(), e);
        }
    }

    /** Token ids of {@code prompt}, at most {@code maxTokens}, the last one always EOS. */
    public long[] encode(String prompt) {
        Encoding encoding = tokenizer.encode(prompt == null ? "" : prompt);
        long[] ids = encoding.getIds();
        if (ids.length == 0 || ids[ids.length - 1] != EOS_ID) {
            ids = Arrays.copyOf(ids, ids.length + 1);
            ids[ids.length - 1] = EOS_ID;
        }
        if (ids.length > maxTokens) {
            ids = Arrays.copyOf(ids, maxTokens);
            ids[maxTokens - 1] = EOS_ID;
        }
        return ids;
    }

    /** The pieces of {@code prompt} (for diagnostics). */
    public String[] pieces(String prompt) {
        return tokenizer.encode(prompt == null ? "" : prompt).getTokens();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
