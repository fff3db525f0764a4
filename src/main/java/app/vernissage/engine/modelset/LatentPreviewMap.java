package app.vernissage.engine.modelset;

import app.vernissage.core.image.PixelImage;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A linear latent-to-RGB map for cheap previews: {@code rgb = W^T latent + b} per latent pixel, in
 * [-1, 1]. Stored in the model set as {@code latent_preview.json}; fitted from MoVQ encode/decode
 * pairs by the export tool. One preview of a 128x128 latent costs about 65k multiply-adds.
 *
 * @param weights [4][3]: contribution of each latent channel to R, G, B
 * @param bias    [3]
 */
public record LatentPreviewMap(float[][] weights, float[] bias) {
    public static final String FILE_NAME = "latent_preview.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public LatentPreviewMap {
        if (weights.length != 4 || bias.length != 3) {
            throw new IllegalArgumentException("a latent preview map is 4x3 weights and 3 biases");
        }
        for (float[] row : weights) {
            if (row.length != 3) {
                throw new IllegalArgumentException("a latent preview map is 4x3 weights and 3 biases");
            }
        }
    }

    public static LatentPreviewMap read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(FILE_NAME + " is missing in " + dir);
        }
        try {
            return JSON.readValue(file.toFile(), LatentPreviewMap.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(FILE_NAME + " in " + dir + " is not a 4x3 latent preview map: "
                    + ModelSetManifest.firstLine(e.getMessage()), e);
        }
    }

    public void write(Path dir) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE_NAME).toFile(), this);
    }

    /** Renders a latent [4, h, w] (planar) to an opaque picture of h x w pixels. */
    public PixelImage render(float[] latent, int height, int width) {
        int plane = height * width;
        if (latent.length != 4 * plane) {
            throw new IllegalArgumentException("latent has " + latent.length + " values, expected 4x" + height + "x" + width);
        }
        int[] argb = new int[plane];
        for (int i = 0; i < plane; i++) {
            float r = bias[0];
            float g = bias[1];
            float b = bias[2];
            for (int c = 0; c < 4; c++) {
                float v = latent[c * plane + i];
                r += weights[c][0] * v;
                g += weights[c][1] * v;
                b += weights[c][2] * v;
            }
            argb[i] = 0xFF000000 | (toByte(r) << 16) | (toByte(g) << 8) | toByte(b);
        }
        return new PixelImage(width, height, argb, false);
    }

    private static int toByte(float v) {
        float unit = (v + 1f) * 0.5f;
        return Math.round(Math.min(Math.max(unit, 0f), 1f) * 255f);
    }
}
