package app.vernissage.engine.modelset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code manifest.json} of a model set (format documented in models/README.md).
 *
 * @param format        always {@value #FORMAT}
 * @param formatVersion version of this manifest format; newer than {@link #FORMAT_VERSION} is refused
 * @param name          what people see, e.g. "Kandinsky 3.1 inpainting (fp16)"
 * @param source        where the weights came from (e.g. the release name, or "generated")
 * @param sampler       default sampler: "reference" (3.1) or "ddpm" (3.0)
 * @param contextDim    width of the projected text context (4096 for the real model)
 * @param maxTokens     token limit including EOS (128)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelSetManifest(String format, int formatVersion, String name, String source, String sampler,
                               int contextDim, int maxTokens) {
    public static final String FILE_NAME = "manifest.json";
    public static final String FORMAT = "vernissage-model-set";
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Reads and checks the manifest; the exception's message is a sentence for people. */
    public static ModelSetManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(FILE_NAME + " is missing in " + dir);
        }
        ModelSetManifest m;
        try {
            m = JSON.readValue(file.toFile(), ModelSetManifest.class);
        } catch (IOException e) {
            throw new IOException(FILE_NAME + " in " + dir + " is not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (!FORMAT.equals(m.format())) {
            throw new IOException(FILE_NAME + " in " + dir + " is not a Vernissage model-set manifest (format is "
                    + m.format() + ", expected " + FORMAT + ")");
        }
        if (m.formatVersion() < 1 || m.formatVersion() > FORMAT_VERSION) {
            throw new IOException(FILE_NAME + " in " + dir + " has format version " + m.formatVersion()
                    + "; this Vernissage reads versions 1 to " + FORMAT_VERSION + " (update Vernissage)");
        }
        if (m.contextDim() < 1 || m.maxTokens() < 2) {
            throw new IOException(FILE_NAME + " in " + dir + " needs a positive contextDim and maxTokens of at least 2");
        }
        if (m.sampler() != null && !m.sampler().equals("reference") && !m.sampler().equals("ddpm")) {
            throw new IOException(FILE_NAME + " in " + dir + " names an unknown sampler '" + m.sampler()
                    + "' (reference or ddpm)");
        }
        return m;
    }

    public void write(Path dir) throws IOException {
        JSON.writeValue(dir.resolve(FILE_NAME).toFile(), this);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
