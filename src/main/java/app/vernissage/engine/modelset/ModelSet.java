package app.vernissage.engine.modelset;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A validated model-set folder: the manifest, the declared interface of each graph, the null
 * embedding (unconditional context row), the latent preview map and the tokenizer file.
 * Obtain one with {@link ModelSetValidator#open(Path)}.
 */
public record ModelSet(Path dir, ModelSetManifest manifest, Map<ModelComponent, GraphSignature> signatures,
                       float[] nullEmbedding, LatentPreviewMap previewMap) {
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String NULL_EMBEDDING_FILE = "null_embedding.npy";

    public ModelSet {
        signatures = Map.copyOf(new EnumMap<>(signatures));
    }

    public Path file(ModelComponent component) {
        return dir.resolve(component.fileName());
    }

    public Path tokenizerFile() {
        return dir.resolve(TOKENIZER_FILE);
    }

    public GraphSignature signature(ModelComponent component) {
        return signatures.get(component);
    }

    public int contextDim() {
        return manifest.contextDim();
    }
}
