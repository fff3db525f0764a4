package app.vernissage.engine.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a Hugging Face {@code tokenizer.json} shaped like T5's: NFKC normalisation, Metaspace
 * pre-tokenizer, a Unigram model over {@link SyntheticVocabulary}, and a template that appends
 * {@code </s>}. The engine loads it through the same library and code path as the real T5 file.
 */
final class SyntheticTokenizer {
    private SyntheticTokenizer() {
    }

    static void write(Path file, List<SyntheticVocabulary.Piece> pieces) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int id = 0; id <= SyntheticVocabulary.UNK; id++) {
            ObjectNode t = added.addObject();
            t.put("id", id).put("content", pieces.get(id).text()).put("single_word", false).put("lstrip", false)
                    .put("rstrip", false).put("normalized", false).put("special", true);
        }
        root.putObject("normalizer").put("type", "NFKC");
        metaspace(root.putObject("pre_tokenizer"));
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        single.addObject().putObject("SpecialToken").put("id", "</s>").put("type_id", 0);
        ArrayNode pair = post.putArray("pair");
        pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("SpecialToken").put("id", "</s>").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 0);
        pair.addObject().putObject("SpecialToken").put("id", "</s>").put("type_id", 0);
        ObjectNode eos = post.putObject("special_tokens").putObject("</s>");
        eos.put("id", "</s>");
        eos.putArray("ids").add(SyntheticVocabulary.EOS);
        eos.putArray("tokens").add("</s>");
        metaspace(root.putObject("decoder"));
        ObjectNode model = root.putObject("model");
        model.put("type", "Unigram").put("unk_id", SyntheticVocabulary.UNK).put("byte_fallback", false);
        ArrayNode vocab = model.putArray("vocab");
        for (SyntheticVocabulary.Piece p : pieces) {
            vocab.addArray().add(p.text()).add(p.score());
        }
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static void metaspace(ObjectNode node) {
        node.put("type", "Metaspace").put("replacement", SyntheticVocabulary.WORD_START)
                .put("prepend_scheme", "always").put("split", true);
    }
}
