package app.vernissage.cli;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.modelset.ModelSetException;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.InpaintRequest;
import app.vernissage.engine.pipeline.InpaintResult;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.engine.runtime.ExecutionDevice;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code vernissage self-test}: proves an installation works without any model download: writes
 * the generated demo set to a temporary folder, runs one short inpaint on the chosen device, and
 * checks that the masked area changed and every pixel outside it did not.
 */
@Command(name = "self-test", mixinStandardHelpOptions = true,
        description = "Check this installation: one short inpaint with a generated model set (no download).")
final class SelfTestCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engineOptions;

    private final PrintStream out;
    private final CancellationToken token;

    SelfTestCommand(PrintStream out, CancellationToken token) {
        this.out = out;
        this.token = token;
    }

    @Override
    public Integer call() throws UserError {
        long start = System.nanoTime();
        ExecutionDevice device = engineOptions.executionDevice();
        Path dir;
        try {
            dir = Files.createTempDirectory("vernissage-self-test");
        } catch (IOException e) {
            throw new UserError("self-test: cannot create a temporary folder: " + e.getMessage());
        }
        try {
            SyntheticModelSet.write(dir, SyntheticModelSet.Options.demo());
            PixelImage picture = PixelImage.filled(160, 96, 0xFF3366AA);
            Mask mask = Mask.rectangle(160, 96, 40, 24, 120, 72);
            InpaintResult result;
            try (InpaintEngine engine = engineOptions.openEngine(ModelSetValidator.open(dir), device)) {
                result = engine.inpaint(InpaintRequest.reference(picture, mask, "red", 1).withSteps(5).withFeather(0),
                        ProgressListener.NONE, token);
            }
            for (int y = 0; y < 96; y++) {
                for (int x = 0; x < 160; x++) {
                    boolean inside = mask.valueAt(x, y) != 0;
                    if (!inside && result.image().argbAt(x, y) != picture.argbAt(x, y)) {
                        throw new UserError("self-test FAILED: pixel " + x + "," + y + " outside the mask changed");
                    }
                }
            }
            if (result.image().argbAt(80, 48) == picture.argbAt(80, 48)) {
                throw new UserError("self-test FAILED: the masked area did not change");
            }
            out.println(String.format(Locale.ROOT, "self-test passed: %s (%s), inpaint %.2f s, in all %.2f s",
                    result.device(), device.explanation(), result.timings().totalNanos() / 1e9, (System.nanoTime() - start) / 1e9));
            return 0;
        } catch (IOException | ModelSetException | EngineException e) {
            throw new UserError("self-test FAILED: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary folder is harmless.
        }
    }
}
