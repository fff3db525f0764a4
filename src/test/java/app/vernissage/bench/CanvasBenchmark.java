package app.vernissage.bench;

import app.vernissage.core.brush.Brush;
import app.vernissage.core.brush.BrushStroke;
import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.document.PreviewBlend;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.ui.editor.FxImages;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Editor canvas latency, not a test. On an 8192x8192 document: one brush segment (a ~20 px drag
 * step with a 60 px brush) applied to the mask plus the repaint of its dirty rectangle into the
 * canvas's mask overlay, exactly as CanvasView does it ({@link FxImages#paintMask} into a
 * {@link WritableImage} of the document's size); median and 99th percentile over 1000 segments, wall
 * time and the FX thread's CPU time (the difference is time the thread waited for a core).
 * Then one live-preview update at 1024x1024: {@link PreviewBlend#blend} of a 128x128 preview plus
 * the copy into the canvas's preview image ({@link FxImages#copy}).
 *
 * <p>JavaFX runs headless (glass Headless, software Prism); the times are the FX-thread work up to the
 * pixel writer. The texture upload that the next pulse does is not included. When the toolkit cannot
 * start, the overlay is an int[] buffer instead and the output says so.
 *
 * <p>Run: {@code bin/benchmark CanvasBenchmark [size] [segments]}.
 */
public final class CanvasBenchmark {
    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 8192;
        int segments = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        boolean fx = startFx();
        System.out.println("JavaFX toolkit: " + (fx ? "headless glass, software prism (WritableImage pixel writer)"
                : "did not start; overlay is an int[] buffer (core + pixel-buffer update only)"));
        System.out.println("Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");

        Document doc = new Document(PixelImage.filled(size, size, 0xFF6A7F90), null);
        Object overlay = onFx(fx, () -> fx ? new WritableImage(size, size) : new int[size * size]);
        Brush brush = new Brush(60, 0.7, false);

        // Warm-up stroke, then the measured one, each segment a 20 px step along a zigzag.
        runStroke(doc, brush, overlay, fx, 3000, size);
        long[][] nanos = runStroke(doc, brush, overlay, fx, segments, size);
        report("brush segment " + size + "x" + size + " (mask + dirty-rect repaint), wall", nanos[0]);
        report("brush segment " + size + "x" + size + " (mask + dirty-rect repaint), thread CPU", nanos[1]);
        // Pressing the button starts a stroke, which copies the whole mask once (BrushStroke keeps the
        // mask before the stroke to build its undo rectangle).
        long[] press = new long[20];
        for (int i = 0; i < press.length; i++) {
            press[i] = onFx(fx, () -> {
                long t0 = System.nanoTime();
                BrushStroke s = BrushStroke.begin(doc, brush, 500, 500);
                long t = System.nanoTime() - t0;
                s.finish();
                return t;
            });
        }
        report("stroke start (press) " + size + "x" + size, press);

        int p = 1024;
        PixelImage base = PixelImage.filled(p, p, 0xFF203040);
        Mask mask = Mask.rectangle(p, p, 128, 128, 896, 896);
        int[] small = new int[128 * 128];
        for (int i = 0; i < small.length; i++) {
            small[i] = 0xFF000000 | (i * 2654435761L > 0 ? i * 977 : i) & 0xFFFFFF;
        }
        PixelImage preview = new PixelImage(128, 128, small, false);
        Object previewImage = onFx(fx, () -> fx ? new WritableImage(p, p) : new int[p * p]);
        long[] blend = new long[300];
        long[] upload = new long[300];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < blend.length; i++) {
                long[] t = onFx(fx, () -> {
                    long t0 = System.nanoTime();
                    PixelImage shown = PreviewBlend.blend(base, mask, preview);
                    long t1 = System.nanoTime();
                    if (previewImage instanceof WritableImage w) {
                        FxImages.copy(shown, new PixelRect(0, 0, p, p), w);
                    } else {
                        System.arraycopy(shown.argb(), 0, (int[]) previewImage, 0, p * p);
                    }
                    return new long[]{t1 - t0, System.nanoTime() - t1};
                });
                blend[i] = t[0];
                upload[i] = t[1];
            }
        }
        long[] total = new long[blend.length];
        for (int i = 0; i < total.length; i++) {
            total[i] = blend[i] + upload[i];
        }
        report("preview update 1024x1024: blend", blend);
        report("preview update 1024x1024: copy into canvas image", upload);
        report("preview update 1024x1024: total", total);
        if (fx) {
            Platform.exit();
        }
    }

    private static long[][] runStroke(Document doc, Brush brush, Object overlay, boolean fx, int segments, int size)
            throws Exception {
        return onFx(fx, () -> {
            long[] out = new long[segments];
            long[] cpu = new long[segments];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            double x = 200;
            double y = 200;
            BrushStroke stroke = BrushStroke.begin(doc, brush, x, y);
            double dx = 20;
            for (int i = 0; i < segments; i++) {
                double nx = x + dx;
                double ny = y + 3;
                if (nx > size - 200 || nx < 200) {
                    dx = -dx;
                    nx = x + dx;
                    ny = y + 40;
                }
                if (ny > size - 200) {
                    ny = 200;
                }
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                PixelRect changed = stroke.continueTo(nx, ny);
                if (overlay instanceof WritableImage w) {
                    FxImages.paintMask(doc.mask(), changed, w);
                } else {
                    paintInto(doc.mask(), changed, (int[]) overlay);
                }
                out[i] = System.nanoTime() - t0;
                cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                x = nx;
                y = ny;
            }
            stroke.finish();
            return new long[][]{out, cpu};
        });
    }

    /** The same colour mapping as FxImages.paintMask, into a plain buffer. */
    private static void paintInto(Mask mask, PixelRect area, int[] buffer) {
        byte[] values = mask.values();
        for (int y = area.y(); y < area.bottom(); y++) {
            for (int x = area.x(); x < area.right(); x++) {
                int v = values[y * mask.width() + x] & 0xFF;
                buffer[y * mask.width() + x] = ((v * FxImages.MASK_ALPHA + 127) / 255) << 24 | FxImages.MASK_RGB;
            }
        }
    }

    private static boolean startFx() {
        try {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(30, TimeUnit.SECONDS);
            return true;
        } catch (Exception | Error e) {
            System.out.println("JavaFX start failed: " + e);
            return false;
        }
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private static <T> T onFx(boolean fx, Work<T> work) throws Exception {
        if (!fx) {
            return work.run();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1e6;
        double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
        double max = sorted[sorted.length - 1] / 1e6;
        System.out.println(String.format(Locale.ROOT, "%s: n=%d median %.3f ms, p99 %.3f ms, max %.3f ms",
                what, nanos.length, median, p99, max));
    }
}
