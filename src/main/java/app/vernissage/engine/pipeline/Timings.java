package app.vernissage.engine.pipeline;

import java.util.Locale;

/**
 * Where a run's time went, in nanoseconds. {@code unetNanos} is the U-Net calls' own time; the
 * rest of {@code denoiseNanos} is the pipeline's overhead (guidance, sampler, previews).
 */
public record Timings(long textNanos, long encodeNanos, long denoiseNanos, long unetNanos, int unetCalls,
                      long decodeNanos, long compositeNanos, long totalNanos) {

    public double overheadFraction() {
        return unetNanos == 0 ? 0 : (double) (denoiseNanos - unetNanos) / unetNanos;
    }

    public String summary() {
        return String.format(Locale.ROOT, "text %.2f s, encode %.2f s, denoise %.2f s (%d U-Net calls, %.1f ms each), "
                        + "decode %.2f s, composite %.2f s, total %.2f s",
                textNanos / 1e9, encodeNanos / 1e9, denoiseNanos / 1e9, unetCalls,
                unetCalls == 0 ? 0 : unetNanos / 1e6 / unetCalls, decodeNanos / 1e9, compositeNanos / 1e9, totalNanos / 1e9);
    }
}
