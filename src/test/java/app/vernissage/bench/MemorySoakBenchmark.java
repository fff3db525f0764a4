package app.vernissage.bench;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.InpaintRequest;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.pipeline.StepProgress;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.CancelledException;
import app.vernissage.engine.runtime.DevicePreference;
import app.vernissage.engine.runtime.ExecutionDevice;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.OrtRuntime;
import app.vernissage.engine.synthetic.SyntheticModelSet;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Memory over many runs: 100 consecutive 512x512 generations with the demo set (in each memory
 * mode), then 100 cancel-and-restart cycles (cancelled at step 3). Prints heap after a full GC and
 * the process's resident set (native memory included) every 10 runs.
 *
 * On CUDA it also prints the GPU memory nvidia-smi reports for this process.
 *
 * <p>Run: {@code bin/benchmark MemorySoakBenchmark [runs] [cpu|cuda]}.
 */
public final class MemorySoakBenchmark {
    private static boolean gpu;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path dir = Files.createTempDirectory("vernissage-soak");
        SyntheticModelSet.write(dir, SyntheticModelSet.Options.demo());
        ExecutionDevice cpu = args.length > 1
                ? OrtRuntime.device(DevicePreference.parse(args[1]), 0)
                : new ExecutionDevice(false, 0, "CPU");
        gpu = cpu.cuda();
        System.out.println("device: " + cpu.label());
        PixelImage image = PixelImage.filled(512, 512, 0xFF406080);
        Mask mask = Mask.rectangle(512, 512, 128, 128, 384, 384);
        for (MemoryMode mode : MemoryMode.values()) {
            try (InpaintEngine engine = InpaintEngine.open(ModelSetValidator.open(dir), cpu, mode)) {
                System.out.println("== " + runs + " generations, " + mode);
                for (int i = 1; i <= runs; i++) {
                    engine.inpaint(InpaintRequest.reference(image, mask, "red", i).withSteps(20), ProgressListener.NONE,
                            new CancellationToken());
                    report(i);
                }
            }
        }
        try (InpaintEngine engine = InpaintEngine.open(ModelSetValidator.open(dir), cpu, MemoryMode.KEEP_LOADED)) {
            System.out.println("== " + runs + " cancel-and-restart cycles, KEEP_LOADED");
            for (int i = 1; i <= runs; i++) {
                CancellationToken token = new CancellationToken();
                try {
                    engine.inpaint(InpaintRequest.reference(image, mask, "red", i).withSteps(20), new ProgressListener() {
                        @Override
                        public void onStep(StepProgress p) {
                            if (p.step() == 3) {
                                token.cancel();
                            }
                        }
                    }, token);
                    throw new IllegalStateException("run " + i + " was not cancelled");
                } catch (CancelledException expected) {
                    // as intended
                }
                engine.inpaint(InpaintRequest.reference(image, mask, "red", i).withSteps(5), ProgressListener.NONE,
                        new CancellationToken());
                report(i);
            }
        }
    }

    private static void report(int i) throws Exception {
        if (i % 10 != 0 && i != 1) {
            return;
        }
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ? kB").replaceAll("\\s+", " ");
        System.out.printf(Locale.ROOT, "run %3d: heap after GC %6.1f MB, %s%s%n", i, heap / 1e6, rss, gpu ? gpuMemory() : "");
    }

    /** This process's GPU memory as nvidia-smi reports it. */
    private static String gpuMemory() throws Exception {
        Process p = new ProcessBuilder("nvidia-smi", "--query-compute-apps=pid,used_memory", "--format=csv,noheader")
                .redirectErrorStream(true).start();
        String own = Long.toString(ProcessHandle.current().pid());
        String mine = new String(p.getInputStream().readAllBytes()).lines()
                .filter(l -> l.startsWith(own + ",")).map(l -> l.substring(l.indexOf(',') + 1).trim())
                .findFirst().orElse("?");
        p.waitFor();
        return ", GPU " + mine;
    }
}
