package app.vernissage.bench;

import app.vernissage.core.canvas.CanvasExtension;
import app.vernissage.core.canvas.EdgeBlurFill;
import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.PillowResize;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.outpaint.GenerateSettings;
import app.vernissage.engine.outpaint.Panorama;
import app.vernissage.engine.outpaint.StepListener;
import app.vernissage.engine.outpaint.WindowedInpainter;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.pipeline.Timings;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.DevicePreference;
import app.vernissage.engine.runtime.ExecutionDevice;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.OrtRuntime;
import app.vernissage.engine.synthetic.SyntheticModelSet;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Outpainting cost: (1) a 4096x512 strip grown from 512x512 by 14 steps of 256 px to the right;
 * (2) one step on a 16384x4096 document (15872x4096 extended right by 512). Reports time per step
 * and the Java heap's peak (the sum of the heap pools' peak usage, reset before each part), with
 * the demo model set (not Kandinsky: model time is tiny, so the figures show the pipeline's own
 * cost: extension, window crop, pre-fill, resampling, composite, paste).
 *
 * <p>Run: {@code bin/benchmark OutpaintBenchmark [cpu|cuda|auto] [sampler steps] [all|strip|huge]}.
 */
public final class OutpaintBenchmark {
    public static void main(String[] args) throws Exception {
        DevicePreference preference = args.length > 0 ? DevicePreference.parse(args[0]) : DevicePreference.CPU;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String parts = args.length > 2 ? args[2] : "all";
        Path dir = Files.createTempDirectory("vernissage-bench");
        SyntheticModelSet.write(dir, SyntheticModelSet.Options.demo());
        ExecutionDevice device = OrtRuntime.device(preference, 0);
        System.out.println("device: " + device.label() + ", demo model set, " + steps + " sampler steps, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, " + Runtime.getRuntime().availableProcessors() + " cores");
        GenerateSettings settings = GenerateSettings.of("a long wooden table", steps, 1).withPreFill(EdgeBlurFill.INSTANCE);
        try (InpaintEngine engine = InpaintEngine.open(ModelSetValidator.open(dir), device, MemoryMode.KEEP_LOADED)) {
            WindowedInpainter inpainter = new WindowedInpainter(engine);
            PixelImage coffee = ImageFiles.read(Path.of("docs/examples/coffee.png"), ImageLimits.DEFAULT);
            PixelImage start = PillowResize.bicubic(coffee, 512, 512);
            // Warm-up (sessions, JIT) on a small step.
            new Panorama(inpainter).run(start, new Panorama.Plan(new Outsets(0, 0, 256, 0), 1, 32, Long.MAX_VALUE),
                    settings, StepListener.NONE, ProgressListener.NONE, new CancellationToken());

            if (!parts.equals("huge")) {
                strip(inpainter, start, settings);
            }
            if (parts.equals("strip")) {
                return;
            }
            huge(inpainter, coffee, settings);
        }
    }

    private static void strip(WindowedInpainter inpainter, PixelImage start, GenerateSettings settings) throws Exception {
        {
            resetPeaks();
            long[] last = {System.nanoTime()};
            long begin = System.nanoTime();
            Panorama.Outcome strip = new Panorama(inpainter).run(start,
                    new Panorama.Plan(new Outsets(0, 0, 256, 0), 14, 32, ImageLimits.DEFAULT.maxPixels()), settings,
                    new StepListener() {
                        @Override
                        public void onStepStarted(int step, int total, ContextWindow w) {
                            last[0] = System.nanoTime();
                        }

                        @Override
                        public void onStepFinished(int step, int total, PixelImage p, Timings t) {
                            long now = System.nanoTime();
                            System.out.printf(Locale.ROOT, "  strip step %2d/%d: %dx%d, %.0f ms (engine %.0f ms)%n", step, total,
                                    p.width(), p.height(), (now - last[0]) / 1e6, t.totalNanos() / 1e6);
                        }
                    }, ProgressListener.NONE, new CancellationToken());
            double stripSeconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf(Locale.ROOT, "4096x512 panorama: %dx%d in %d steps, %.2f s (%.0f ms per step), peak heap %d MiB%n",
                    strip.image().width(), strip.image().height(), strip.finished(), stripSeconds,
                    stripSeconds * 1000 / strip.finished(), peakHeapMiB());
        }
    }

    private static void huge(WindowedInpainter inpainter, PixelImage coffee, GenerateSettings settings) throws Exception {
        {
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            PixelImage big = PillowResize.bicubic(coffee, 15872, 4096);
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "built a 15872x4096 picture in %.2f s (heap peak so far %d MiB)%n", (t1 - t0) / 1e9, peakHeapMiB());
            resetPeaks();
            long[] window = new long[4];
            long s0 = System.nanoTime();
            Panorama.Outcome huge = new Panorama(inpainter).run(big,
                    new Panorama.Plan(new Outsets(0, 0, 512, 0), 1, 32, ImageLimits.DEFAULT.maxPixels()), settings,
                    new StepListener() {
                        @Override
                        public void onStepStarted(int step, int total, ContextWindow w) {
                            window[0] = w.region().width();
                            window[1] = w.region().height();
                            window[2] = w.workWidth();
                            window[3] = w.workHeight();
                        }
                    }, ProgressListener.NONE, new CancellationToken());
            double hugeSeconds = (System.nanoTime() - s0) / 1e9;
            System.out.printf(Locale.ROOT, "16384x4096 step: %dx%d, window %dx%d at working size %dx%d, %.2f s, peak heap %d MiB%n",
                    huge.image().width(), huge.image().height(), window[0], window[1], window[2], window[3], hugeSeconds,
                    peakHeapMiB());
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1 << 20);
    }
}
