package app.vernissage.core.image;

import javax.imageio.metadata.IIOMetadataNode;
import java.util.Map;

/**
 * PNG text chunks for the settings a picture was made with. Values go in iTXt chunks (UTF-8, so
 * Russian prompts survive); keywords are Latin-1 and at most 79 characters, as the PNG standard says.
 */
final class PngText {
    private PngText() {
    }

    static IIOMetadataNode tree(Map<String, String> text) {
        IIOMetadataNode root = new IIOMetadataNode(ImageEncoder.PNG_METADATA);
        IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
        text.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 79 || !key.chars().allMatch(c -> c >= 32 && c <= 255)) {
                throw new IllegalArgumentException("PNG text keywords are 1 to 79 Latin-1 characters: '" + key + "'");
            }
            IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
            entry.setAttribute("keyword", key);
            entry.setAttribute("compressionFlag", "FALSE");
            entry.setAttribute("compressionMethod", "0");
            entry.setAttribute("languageTag", "");
            entry.setAttribute("translatedKeyword", "");
            entry.setAttribute("text", value);
            itxt.appendChild(entry);
        });
        root.appendChild(itxt);
        return root;
    }
}
