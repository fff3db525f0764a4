package app.vernissage.engine.synthetic;

import app.vernissage.engine.modelset.ModelComponent;
import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.modelset.ValidationReport;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.ModelSessions;
import app.vernissage.engine.runtime.TensorData;
import app.vernissage.engine.testing.TestSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticModelSetTest {
    @TempDir
    Path dir;

    @Test
    void demoSetPassesValidation() {
        TestSets.write(dir, SyntheticModelSet.Options.demo());
        ValidationReport report = ModelSetValidator.check(dir);
        assertTrue(report.usable(), report.format());
    }

    @Test
    void textEncoderLooksUpRowsAndZeroesMaskedOnes() throws Exception {
        SyntheticModelSet gen = TestSets.write(dir, SyntheticModelSet.Options.oracle());
        ModelSet set = TestSets.open(dir);
        try (ModelSessions sessions = new ModelSessions(set, TestSets.device(), MemoryMode.KEEP_LOADED)) {
            TensorData.Floats out = sessions.run(ModelComponent.TEXT_ENCODER, Map.of(
                    "input_ids", new TensorData.Longs(new long[]{1, 3}, new long[]{5, 9, 1}),
                    "attention_mask", new TensorData.Longs(new long[]{1, 3}, new long[]{1, 1, 0})), new CancellationToken());
            int d = set.contextDim();
            assertArrayEquals(new long[]{1, 3, d}, out.shape());
            for (int k = 0; k < d; k++) {
                assertEquals(gen.embedding()[5][k], out.data()[k], 0f);
                assertEquals(gen.embedding()[9][k], out.data()[d + k], 0f);
                assertEquals(0f, out.data()[2 * d + k], 0f);
            }
        }
    }

    @Test
    void movqRoundTripIsTheBlockMean() throws Exception {
        TestSets.write(dir, SyntheticModelSet.Options.oracle());
        ModelSet set = TestSets.open(dir);
        int h = 16;
        int w = 24;
        float[] image = new float[3 * h * w];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) (random.nextDouble() * 2 - 1);
        }
        try (ModelSessions sessions = new ModelSessions(set, TestSets.device(), MemoryMode.KEEP_LOADED)) {
            CancellationToken token = new CancellationToken();
            TensorData.Floats latent = sessions.run(ModelComponent.MOVQ_ENCODER,
                    Map.of("image", new TensorData.Floats(new long[]{1, 3, h, w}, image)), token);
            assertArrayEquals(new long[]{1, 4, h / 8, w / 8}, latent.shape());
            TensorData.Floats back = sessions.run(ModelComponent.MOVQ_DECODER, Map.of("latent", latent), token);
            assertArrayEquals(new long[]{1, 3, h, w}, back.shape());
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double mean = 0;
                        for (int dy = 0; dy < 8; dy++) {
                            for (int dx = 0; dx < 8; dx++) {
                                mean += image[(c * h + (y / 8 * 8 + dy)) * w + x / 8 * 8 + dx];
                            }
                        }
                        assertEquals(mean / 64, back.data()[(c * h + y) * w + x], 1e-5);
                    }
                }
            }
        }
    }
}
