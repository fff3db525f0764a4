package app.vernissage.engine.outpaint;

import app.vernissage.core.canvas.CanvasExtension;
import app.vernissage.core.canvas.EdgeBlurFill;
import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.engine.testing.TestSets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seam on real photos (docs/examples, CC0): outpainting to the right, the mean horizontal
 * gradient across the seam (every column of the blend band and the old edge) is no higher than the
 * larger of the mean gradients inside the old picture next to it and inside the new area next to it
 * (the demo set paints nearly flat colour, smoother than any seam, so "no higher than the flatter
 * side" cannot be the bar); and the metric does see a seam: the same generation pasted with a hard
 * edge (no band) fails it. Measured: coffee 4.0 across the band vs 7.1 old / 0.2 new (hard paste
 * 10.9); chelsea 1.4 vs 1.9 / 0.3 (hard 8.7).
 */
class SeamMetricTest {
    static final int OVERLAP = 32;
    static final int SIDE = 48;

    @TempDir
    static Path shared;
    static InpaintEngine engine;

    @BeforeAll
    static void openDemo() {
        TestSets.write(shared.resolve("demo"), SyntheticModelSet.Options.demo());
        engine = TestSets.engine(shared.resolve("demo"), MemoryMode.KEEP_LOADED);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** Mean |I(x, y) - I(x - 1, y)| over rows and RGB channels. */
    static double gradient(PixelImage p, int x) {
        double sum = 0;
        for (int y = 0; y < p.height(); y++) {
            int a = p.argbAt(x, y);
            int b = p.argbAt(x - 1, y);
            for (int s = 0; s < 24; s += 8) {
                sum += Math.abs((a >>> s & 0xFF) - (b >>> s & 0xFF));
            }
        }
        return sum / (3.0 * p.height());
    }

    static double mean(PixelImage p, int from, int to) {
        double sum = 0;
        for (int x = from; x < to; x++) {
            sum += gradient(p, x);
        }
        return sum / (to - from);
    }

    record Seam(double seam, double old, double fresh) {
        boolean invisible() {
            return seam <= Math.max(old, fresh);
        }
    }

    static Seam measure(PixelImage p, int oldWidth, int overlap) {
        int bandStart = oldWidth - overlap;
        return new Seam(mean(p, bandStart, oldWidth + 2), mean(p, bandStart - SIDE, bandStart),
                mean(p, oldWidth + 2, oldWidth + 2 + SIDE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"coffee.png", "chelsea.png"})
    void seamIsNoSharperThanEitherSide(String photo) throws Exception {
        PixelImage in = OutpaintFixture.photo(photo);
        WindowedInpainter inpainter = new WindowedInpainter(engine);
        GenerateSettings settings = GenerateSettings.of("more of the same", 3, 11).withPreFill(EdgeBlurFill.INSTANCE)
                .withColourMatch(true);
        CanvasExtension.Extended ext = CanvasExtension.extend(in, new Outsets(0, 0, 160, 0), OVERLAP, Long.MAX_VALUE);
        PixelImage out = inpainter.generate(ext.image(), ext.mask(), settings, ProgressListener.NONE,
                new CancellationToken()).image();
        Seam blended = measure(out, in.width(), OVERLAP);
        assertTrue(blended.invisible(), photo + " with the band: " + blended);

        CanvasExtension.Extended hard = CanvasExtension.extend(in, new Outsets(0, 0, 160, 0), 0, Long.MAX_VALUE);
        PixelImage pasted = inpainter.generate(hard.image(), hard.mask(), settings.withColourMatch(false),
                ProgressListener.NONE, new CancellationToken()).image();
        Seam edge = new Seam(gradient(pasted, in.width()), mean(pasted, in.width() - SIDE, in.width()),
                mean(pasted, in.width() + 1, in.width() + 1 + SIDE));
        assertTrue(!edge.invisible(), photo + " the metric must see a hard paste: " + edge);
    }
}
