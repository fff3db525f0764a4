package app.vernissage.core.image;

import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a PNG's text chunks through ImageIO's PNG metadata tree. */
final class PngTextReader {
    private PngTextReader() {
    }

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot read " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return out;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                if (!reader.getFormatName().equalsIgnoreCase("png")) {
                    return out;
                }
                IIOMetadata metadata = reader.getImageMetadata(0);
                collect(metadata.getAsTree(ImageEncoder.PNG_METADATA), out);
            } finally {
                reader.dispose();
            }
        }
        return out;
    }

    private static void collect(Node node, Map<String, String> out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            String name = child.getNodeName();
            if (name.equals("tEXtEntry") || name.equals("iTXtEntry") || name.equals("zTXtEntry")) {
                Node keyword = child.getAttributes().getNamedItem("keyword");
                Node value = child.getAttributes().getNamedItem(name.equals("tEXtEntry") ? "value" : "text");
                if (keyword != null && value != null) {
                    out.put(keyword.getNodeValue(), value.getNodeValue());
                }
            }
            collect(child, out);
        }
    }
}
