package app.vernissage.bench;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.pipeline.InpaintRequest;
import app.vernissage.engine.pipeline.InpaintResult;
import app.vernissage.engine.pipeline.ProgressListener;
import app.vernissage.engine.runtime.CancellationToken;
import app.vernissage.engine.runtime.DevicePreference;
import app.vernissage.engine.runtime.ExecutionDevice;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.ModelSessions;
import app.vernissage.engine.runtime.OrtRuntime;
import app.vernissage.engine.runtime.OutOfDeviceMemoryException;
import app.vernissage.engine.runtime.PlacementPreset;
import app.vernissage.engine.synthetic.SyntheticModelSet;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Running out of GPU memory for real, on a CUDA machine (not a test: CI has no GPU). The CUDA
 * arena is capped ({@code vernissage.gpuMemoryLimitMb}, default here 16 MiB), a 1024x1024 inpaint
 * with the demo set and a heavier U-Net starts with everything on the GPU, and each out-of-memory error must come back
 * as {@link OutOfDeviceMemoryException} naming a lighter placement, which is then tried in the
 * same process (as the editor's "Retry with" does) until one runs.
 *
 * <p>Run: {@code bin/benchmark OutOfMemoryRetryCheck [limit MiB]}.
 */
public final class OutOfMemoryRetryCheck {
    public static void main(String[] args) throws Exception {
        System.setProperty(ModelSessions.GPU_MEMORY_LIMIT_PROPERTY, args.length > 0 ? args[0] : "16");
        Path dir = Files.createTempDirectory("vernissage-oom");
        // The demo set plus 16 convolutions of 256 channels in the U-Net: 38 MB of weights, over the cap.
        SyntheticModelSet.write(dir, SyntheticModelSet.Options.demo().withHeavy(16, 256));
        ModelSet set = ModelSetValidator.open(dir);
        ExecutionDevice gpu = OrtRuntime.device(DevicePreference.CUDA, 0);
        PixelImage image = PixelImage.filled(1024, 1024, 0xFF406080);
        Mask mask = Mask.rectangle(1024, 1024, 256, 256, 768, 768);
        System.out.println("GPU memory cap: " + System.getProperty(ModelSessions.GPU_MEMORY_LIMIT_PROPERTY) + " MiB per session");
        PlacementPreset placement = PlacementPreset.ALL_GPU;
        while (placement != null) {
            System.out.println("trying --placement " + placement.key() + " (" + placement.label() + ")");
            try (InpaintEngine engine = InpaintEngine.open(set, placement.on(gpu), MemoryMode.KEEP_LOADED)) {
                InpaintResult result = engine.inpaint(InpaintRequest.reference(image, mask, "a boat", 1).withSteps(5),
                        ProgressListener.NONE, new CancellationToken());
                System.out.println("  ran: " + result.image().width() + "x" + result.image().height() + " on " + result.device());
                return;
            } catch (OutOfDeviceMemoryException e) {
                System.out.println("  out of memory, caught as OutOfDeviceMemoryException: " + e.getMessage());
                System.out.println("  lighter placement offered: " + (e.lighter() == null ? "none" : e.lighter().key()));
                placement = e.lighter();
            }
        }
        System.out.println("FAIL: no placement ran");
        System.exit(1);
    }
}
