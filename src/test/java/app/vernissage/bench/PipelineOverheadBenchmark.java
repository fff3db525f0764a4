package app.vernissage.bench;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.InpaintRequest;
import app.vernissage.engine.pipeline.InpaintResult;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.pipeline.StepProgress;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.DevicePreference;
import app.vernissage.engine.runtime.ExecutionDevice;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.OrtRuntime;
import app.vernissage.engine.synthetic.SyntheticModelSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Pipeline overhead: a 50-step 512x512 inpaint with a generated U-Net heavy enough that one call
 * takes 20 ms or more, comparing the run's wall time with the sum of its model calls' own time.
 * Requirement: overhead within 5%. Also times one preview render per step, as the editor does.
 *
 * <p>Run: {@code bin/benchmark PipelineOverheadBenchmark [cpu|cuda|auto] [layers] [channels]}.
 */
public final class PipelineOverheadBenchmark {
    public static void main(String[] args) throws Exception {
        DevicePreference preference = args.length > 0 ? DevicePreference.parse(args[0]) : DevicePreference.CPU;
        int layers = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        int channels = args.length > 2 ? Integer.parseInt(args[2]) : 48;
        Path dir = Files.createTempDirectory("vernissage-bench");
        SyntheticModelSet.write(dir, SyntheticModelSet.Options.oracle().withHeavy(layers, channels));
        ExecutionDevice device = OrtRuntime.device(preference, 0);
        System.out.println("device: " + device.label() + " (" + device.explanation() + "), U-Net heavy part: "
                + layers + " conv layers x " + channels + " channels");

        PixelImage image = noiseImage(512, 512);
        Mask mask = Mask.rectangle(512, 512, 96, 96, 416, 416);
        try (InpaintEngine engine = InpaintEngine.open(ModelSetValidator.open(dir), device, MemoryMode.KEEP_LOADED)) {
            // Warm-up: one full run loads the sessions and lets the JIT compile the loop.
            engine.inpaint(InpaintRequest.reference(image, mask, "red boat", 1), ProgressListener.NONE,
                    new CancellationToken());
            List<Double> overheads = new ArrayList<>();
            int runs = args.length > 3 ? Integer.parseInt(args[3]) : 11;
            for (int run = 0; run < runs; run++) {
                boolean previews = run % 2 == 1;
                long[] previewNanos = new long[1];
                ProgressListener listener = previews ? new ProgressListener() {
                    @Override
                    public void onStep(StepProgress p) {
                        long t = System.nanoTime();
                        p.preview();
                        previewNanos[0] += System.nanoTime() - t;
                    }
                } : ProgressListener.NONE;
                InpaintResult r = engine.inpaint(InpaintRequest.reference(image, mask, "red boat", run), listener,
                        new CancellationToken());
                double overhead = r.timings().overheadFraction();
                overheads.add(overhead);
                System.out.printf(Locale.ROOT, "run %d%s: wall %.1f ms, model calls %.1f ms (U-Net %d calls, %.1f ms each), "
                                + "overhead %.2f%%%s%n", run, previews ? " with previews" : "",
                        r.timings().totalNanos() / 1e6, r.timings().modelNanos() / 1e6, r.timings().unetCalls(),
                        r.timings().unetNanos() / 1e6 / r.timings().unetCalls(), overhead * 100,
                        previews ? String.format(Locale.ROOT, ", preview %.3f ms/step", previewNanos[0] / 1e6 / 50) : "");
                System.out.println("  " + r.timings().summary());
            }
            overheads.sort(null);
            double median = overheads.get(overheads.size() / 2);
            System.out.printf(Locale.ROOT, "median overhead %.2f%% (requirement: within 5%%): %s%n", median * 100,
                    median <= 0.05 ? "PASS" : "FAIL");
        }
    }

    private static PixelImage noiseImage(int w, int h) {
        SplittableRandom random = new SplittableRandom(1);
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | random.nextInt(1 << 24);
        }
        return new PixelImage(w, h, argb, false);
    }
}
