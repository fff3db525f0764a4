package app.vernissage.engine.pipeline;

import java.util.Locale;

/**
 * Where a run's time went, in nanoseconds. {@code unetNanos} is the U-Net calls' own time and
 * {@code modelNanos} all model calls' own time (session loading excluded); the rest of
 * {@code totalNanos} is the pipeline's own work (resampling, guidance, sampler, tensors, compositing)
 * plus loading.
 */
public record Timings(long textNanos, long encodeNanos, long denoiseNanos, long unetNanos, int unetCalls,
                      long decodeNanos, long compositeNanos, long totalNanos, long modelNanos) {

    /** (wall time - model calls' time) / model calls' time. */
    public double overheadFraction() {
        return modelNanos == 0 ? 0 : (double) (totalNanos - modelNanos) / modelNanos;
    }

    public String summary() {
        return String.format(Locale.ROOT, "text %.2f s, encode %.2f s, denoise %.2f s (%d U-Net calls, %.1f ms each), "
                        + "decode %.2f s, composite %.2f s, total %.2f s",
                textNanos / 1e9, encodeNanos / 1e9, denoiseNanos / 1e9, unetCalls,
                unetCalls == 0 ? 0 : unetNanos / 1e6 / unetCalls, decodeNanos / 1e9, compositeNanos / 1e9, totalNanos / 1e9);
    }
}
