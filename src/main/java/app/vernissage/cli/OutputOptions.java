package app.vernissage.cli;

import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.PixelImage;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** --quality and --out of the commands that write one picture (inpaint, outpaint, fill). */
final class OutputOptions {
    @Option(names = "--quality", defaultValue = "0.92", description = "JPEG quality 0..1 (default ${DEFAULT-VALUE}).")
    float quality;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Result file (.png, .jpg, .bmp).")
    Path out;

    /** The problem with --quality as a sentence, or null. */
    String problem() {
        return quality >= 0f && quality <= 1f ? null : "--quality must be between 0 and 1, got " + quality;
    }

    /** Refuses an --out that cannot be written (see {@link CliFiles#checkOutputFile}). */
    void check() throws UserError {
        CliFiles.checkOutputFile(out);
    }

    void write(PixelImage image) throws UserError {
        write(image, Map.of());
    }

    /** Writes {@code image} with {@code text} in a PNG's text chunks (other formats ignore it). */
    void write(PixelImage image, Map<String, String> text) throws UserError {
        try {
            ImageFiles.write(image, out, quality, text);
        } catch (IOException e) {
            throw new UserError("could not write " + out + ": " + e.getMessage(), e);
        }
    }
}
