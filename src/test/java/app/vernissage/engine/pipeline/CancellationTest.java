package app.vernissage.engine.pipeline;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.modelset.ModelComponent;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.CancelledException;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import app.vernissage.engine.testing.TestSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CancellationTest {
    @TempDir
    Path dir;

    @Test
    void cancelBetweenStepsStopsAtOnceAndTheEngineRunsAgain() throws Exception {
        TestSets.write(dir, SyntheticModelSet.Options.oracle());
        PixelImage image = OracleRunTest.photoLike(128, 64, 1);
        Mask mask = Mask.rectangle(128, 64, 10, 10, 80, 50);
        try (InpaintEngine engine = TestSets.engine(dir, MemoryMode.KEEP_LOADED)) {
            CancellationToken token = new CancellationToken();
            AtomicInteger steps = new AtomicInteger();
            assertThrows(CancelledException.class, () -> engine.inpaint(InpaintRequest.reference(image, mask, "sea", 1),
                    new ProgressListener() {
                        @Override
                        public void onStep(StepProgress progress) {
                            if (steps.incrementAndGet() == 3) {
                                token.cancel();
                            }
                        }
                    }, token));
            assertEquals(3, steps.get());
            InpaintResult again = engine.inpaint(InpaintRequest.reference(image, mask, "sea", 1).withSteps(4),
                    ProgressListener.NONE, new CancellationToken());
            assertEquals(128, again.image().width());
        }
    }

    /**
     * A U-Net whose single call takes seconds: cancelling 300 ms into the first call must end the call
     * itself (ONNX Runtime's terminate flag), long before it would finish, with no step reported.
     */
    @Test
    void cancelInsideALongModelCallTerminatesTheCall() throws Exception {
        TestSets.write(dir, SyntheticModelSet.Options.oracle().withHeavy(48, 128));
        PixelImage image = OracleRunTest.photoLike(512, 512, 2);
        Mask mask = Mask.rectangle(512, 512, 100, 100, 400, 400);
        try (InpaintEngine engine = TestSets.engine(dir, MemoryMode.PER_STAGE)) {
            long callNanos = timeOneStep(engine, image, mask);
            CancellationToken token = new CancellationToken();
            AtomicInteger steps = new AtomicInteger();
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                token.cancel();
            });
            long start = System.nanoTime();
            canceller.start();
            assertThrows(CancelledException.class, () -> engine.inpaint(InpaintRequest.reference(image, mask, "x", 1),
                    new ProgressListener() {
                        @Override
                        public void onStep(StepProgress progress) {
                            steps.incrementAndGet();
                        }
                    }, token));
            long took = System.nanoTime() - start;
            canceller.join();
            assertEquals(0, steps.get(), "no step may finish");
            assertTrue(took < 300_000_000L + callNanos / 2,
                    "cancel took " + took / 1e6 + " ms; one U-Net call takes " + callNanos / 1e6 + " ms");
            assertTrue(!engine.isLoaded(ModelComponent.UNET), "per-stage mode frees the U-Net after a cancel");
        }
    }

    private static long timeOneStep(InpaintEngine engine, PixelImage image, Mask mask) throws Exception {
        long[] stepStart = new long[1];
        long[] stepTime = new long[1];
        engine.inpaint(InpaintRequest.reference(image, mask, "x", 1).withSteps(1), new ProgressListener() {
            @Override
            public void onStage(String stage) {
                if (stage.equals("denoising")) {
                    stepStart[0] = System.nanoTime();
                } else if (stage.equals("decoding")) {
                    stepTime[0] = System.nanoTime() - stepStart[0];
                }
            }
        }, new CancellationToken());
        assertTrue(stepTime[0] > 1_000_000_000L, "the heavy U-Net must take seconds per call to prove anything, took "
                + stepTime[0] / 1e6 + " ms");
        return stepTime[0];
    }
}
