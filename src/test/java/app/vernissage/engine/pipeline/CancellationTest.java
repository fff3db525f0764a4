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
     * A U-Net whose single call takes about a second: cancelling a quarter of the way into the first
     * call must end the call itself (ONNX Runtime's terminate flag) well before it would finish,
     * with no step reported. Times are relative to the measured call, so machine speed does not matter.
     */
    @Test
    void cancelInsideALongModelCallTerminatesTheCall() throws Exception {
        TestSets.write(dir, SyntheticModelSet.Options.oracle().withHeavy(48, 128));
        PixelImage image = OracleRunTest.photoLike(512, 512, 2);
        Mask mask = Mask.rectangle(512, 512, 100, 100, 400, 400);
        try (InpaintEngine engine = TestSets.engine(dir, MemoryMode.PER_STAGE)) {
            long callNanos = timeOneCall(engine, image, mask);
            assertTrue(callNanos > 200_000_000L, "the heavy U-Net must be slow enough to cancel inside a call, took "
                    + callNanos / 1e6 + " ms");
            CancellationToken token = new CancellationToken();
            AtomicInteger steps = new AtomicInteger();
            long[] cancelledAt = new long[1];
            Thread[] canceller = new Thread[1];
            long thrownAt;
            try {
                engine.inpaint(InpaintRequest.reference(image, mask, "x", 1), new ProgressListener() {
                    @Override
                    public void onStage(String stage) {
                        if (stage.equals("denoising")) {
                            canceller[0] = new Thread(() -> {
                                try {
                                    Thread.sleep(callNanos / 4 / 1_000_000);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                cancelledAt[0] = System.nanoTime();
                                token.cancel();
                            });
                            canceller[0].start();
                        }
                    }

                    @Override
                    public void onStep(StepProgress progress) {
                        steps.incrementAndGet();
                    }
                }, token);
                throw new AssertionError("the run was not cancelled");
            } catch (CancelledException expected) {
                thrownAt = System.nanoTime();
            }
            canceller[0].join();
            assertEquals(0, steps.get(), "no step may finish");
            long reaction = thrownAt - cancelledAt[0];
            assertTrue(reaction < callNanos / 2, "stopping took " + reaction / 1e6 + " ms after cancel; one U-Net call takes "
                    + callNanos / 1e6 + " ms");
            assertTrue(!engine.isLoaded(ModelComponent.UNET), "per-stage mode frees the U-Net after a cancel");
        }
    }

    /** The U-Net's own time for one call, from a one-step run (session loading excluded). */
    private static long timeOneCall(InpaintEngine engine, PixelImage image, Mask mask) throws Exception {
        InpaintResult r = engine.inpaint(InpaintRequest.reference(image, mask, "x", 1).withSteps(1),
                ProgressListener.NONE, new CancellationToken());
        return r.timings().unetNanos();
    }
}
