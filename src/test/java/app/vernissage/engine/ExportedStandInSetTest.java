package app.vernissage.engine;

import app.vernissage.core.image.Composite;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.modelset.ValidationReport;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.InpaintRequest;
import app.vernissage.engine.pipeline.InpaintResult;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.testing.TestSets;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model set written by the export tool (tools/export) from its tiny stand-in modules, committed
 * under src/test/resources/exported/standin-set: fp16 text encoder (T5-like stand-in with fp32 layer
 * norms and fp16 clamps), fp16 9-channel U-Net, fp32 MoVQ encoder/decoder, all exported by
 * torch.onnx through the tool's real code paths. It must pass the validator and run end to end.
 */
class ExportedStandInSetTest {

    static Path standInSet() throws URISyntaxException {
        return Path.of(ExportedStandInSetTest.class.getResource("/exported/standin-set/manifest.json").toURI())
                .getParent();
    }

    static PixelImage picture(int width, int height) {
        SplittableRandom random = new SplittableRandom(9);
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) (120 + 90 * Math.sin(x / 13.0)) + random.nextInt(16);
                int g = (int) (100 + 80 * Math.cos(y / 9.0)) + random.nextInt(16);
                int b = (x + y) * 255 / (width + height);
                argb[y * width + x] = 0xFF000000 | (Math.min(255, r) << 16) | (Math.min(255, g) << 8) | b;
            }
        }
        return new PixelImage(width, height, argb, false);
    }

    @Test
    void validatesAndInpaintsEndToEndOnCpu() throws Exception {
        Path dir = standInSet();
        ValidationReport report = ModelSetValidator.check(dir);
        assertTrue(report.usable(), report.toString());
        ModelSet set = ModelSetValidator.open(dir);
        assertEquals(32, set.manifest().contextDim());

        int width = 150;
        int height = 100;
        PixelImage image = picture(width, height);
        Mask mask = Mask.rectangle(width, height, 40, 20, 110, 80);
        InpaintRequest request = InpaintRequest.reference(image, mask, "a red boat on the sea", 5).withSteps(6);
        InpaintResult result;
        try (InpaintEngine engine = InpaintEngine.open(set, TestSets.device(), MemoryMode.PER_STAGE)) {
            result = engine.inpaint(request, ProgressListener.NONE, new CancellationToken());
        }

        assertEquals(width, result.image().width());
        assertEquals(height, result.image().height());
        assertEquals(128, result.workingSize().width());
        assertEquals(64, result.workingSize().height());
        assertEquals(4 * 16 * 8, result.latent().length);
        for (float v : result.latent()) {
            assertTrue(Float.isFinite(v), "latent value " + v);
        }

        float[] alpha = Composite.featheredAlpha(mask, InpaintRequest.DEFAULT_FEATHER);
        int outside = 0;
        int changedInside = 0;
        for (int i = 0; i < alpha.length; i++) {
            if (alpha[i] == 0f) {
                outside++;
                assertEquals(image.argb()[i], result.image().argb()[i], "pixel " + i + " outside the feathered mask");
            } else if (alpha[i] == 1f && image.argb()[i] != result.image().argb()[i]) {
                changedInside++;
            }
        }
        assertTrue(outside > 0);
        assertTrue(changedInside > 0, "the masked area was not repainted");
    }
}
