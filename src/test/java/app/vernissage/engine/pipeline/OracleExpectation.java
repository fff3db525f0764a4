package app.vernissage.engine.pipeline;

import app.vernissage.core.image.MaskResize;
import app.vernissage.core.image.PillowResize;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.sampler.CosineSchedule;
import app.vernissage.engine.sampler.GaussianNoise;
import app.vernissage.engine.synthetic.SyntheticModelSet;

import java.util.Arrays;

/**
 * Computes, independently of the pipeline code, what a whole run with the oracle model set must
 * produce: the conditioning, the masked latent, the guided clean latent, and a double-precision
 * replay of the reference sampler with the same noise.
 */
final class OracleExpectation {
    final int h;
    final int w;
    final float[] keep;
    final double[] maskedLatent;
    final double[] imageLatent;
    final double[] guidedX0;
    final double thresholdScale;
    final double[] thresholdedX0;

    OracleExpectation(SyntheticModelSet gen, PixelImage image, app.vernissage.core.image.Mask mask, long[] promptIds,
                      float guidance) {
        WorkingSize size = WorkingSize.of(image.width(), image.height());
        h = size.latentHeight();
        w = size.latentWidth();
        int plane = h * w;
        PixelImage resized = PillowResize.bicubic(image, size.width(), size.height());
        float[] repaint = MaskResize.bilinear(mask.toUnitFloats(), mask.width(), mask.height(), size.width(), size.height());

        keep = new float[plane];
        maskedLatent = new double[4 * plane];
        imageLatent = new double[4 * plane];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                keep[i * w + j] = 1f - repaint[(i * 8) * size.width() + j * 8];
                double[] rgb = new double[3];
                double[] all = new double[3];
                for (int dy = 0; dy < 8; dy++) {
                    for (int dx = 0; dx < 8; dx++) {
                        int idx = (i * 8 + dy) * size.width() + j * 8 + dx;
                        int p = resized.argb()[idx];
                        double[] v = {((p >> 16) & 255) / 255.0 * 2 - 1, ((p >> 8) & 255) / 255.0 * 2 - 1, (p & 255) / 255.0 * 2 - 1};
                        for (int k = 0; k < 3; k++) {
                            all[k] += v[k] / 64;
                            rgb[k] += repaint[idx] > 0 ? 0 : v[k] / 64;
                        }
                    }
                }
                for (int c = 0; c < 4; c++) {
                    double v = gen.encoderBias()[c];
                    double u = gen.encoderBias()[c];
                    for (int k = 0; k < 3; k++) {
                        v += gen.encoderMatrix()[c][k] * rgb[k];
                        u += gen.encoderMatrix()[c][k] * all[k];
                    }
                    maskedLatent[c * plane + i * w + j] = v;
                    imageLatent[c * plane + i * w + j] = u;
                }
            }
        }

        int dim = gen.nullEmbedding().length;
        int n = promptIds.length + 1;
        double[] pooledCond = new double[dim];
        for (long id : promptIds) {
            for (int d = 0; d < dim; d++) {
                pooledCond[d] += gen.embedding()[(int) id][d] / n;
            }
        }
        double[] pooledUncond = new double[dim];
        for (int d = 0; d < dim; d++) {
            pooledUncond[d] = gen.nullEmbedding()[d] / n;
        }
        double[] colourCond = colour(gen, pooledCond, promptIds.length);
        double[] colourUncond = colour(gen, pooledUncond, 1);

        guidedX0 = new double[4 * plane];
        for (int c = 0; c < 4; c++) {
            double fill = (guidance + 1) * colourCond[c] - guidance * colourUncond[c];
            for (int i = 0; i < plane; i++) {
                guidedX0[c * plane + i] = keep[i] * maskedLatent[c * plane + i] + (1 - keep[i]) * fill;
            }
        }
        thresholdScale = Math.max(1, quantile95(guidedX0));
        thresholdedX0 = Arrays.stream(guidedX0).map(v -> Math.max(-thresholdScale, Math.min(thresholdScale, v)) / thresholdScale).toArray();
    }

    private static double[] colour(SyntheticModelSet gen, double[] pooled, int trueKeys) {
        double[] out = new double[4];
        for (int c = 0; c < 4; c++) {
            out[c] = trueKeys * gen.unet().keyWeight()[c];
            for (int d = 0; d < pooled.length; d++) {
                out[c] += pooled[d] * gen.unet().projection()[d * 4 + c];
            }
        }
        return out;
    }

    /**
     * Replays the current reference sampler in double precision with the same noise: the oracle's
     * guided epsilon always implies x0 = guidedX0, so each step is the documented update applied to it.
     */
    double[] replayReferenceSampler(long seed, int steps, double eta) {
        float[] ac = CosineSchedule.of(1000).alphasCumprod();
        int stride = (1000 + steps - 1) / steps;
        java.util.List<Integer> times = new java.util.ArrayList<>();
        for (int t = 999; t > 0; t -= stride) {
            times.add(t);
        }
        times.add(0);
        GaussianNoise noise = new GaussianNoise(seed);
        double[] x = new double[guidedX0.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = noise.next();
        }
        for (int s = 0; s + 1 < times.size(); s++) {
            double at = ac[times.get(s)];
            double ap = ac[times.get(s + 1)];
            double sigma = Math.sqrt(eta * (1 - at / ap) * (1 - ap) / (1 - at));
            for (int i = 0; i < x.length; i++) {
                double eps = (x[i] - Math.sqrt(at) * thresholdedX0[i]) / Math.sqrt(1 - at);
                double next = Math.sqrt(ap) * thresholdedX0[i] + Math.sqrt(1 - ap - sigma * sigma) * eps;
                x[i] = times.get(s + 1) != 0 ? next + sigma * noise.next() : next;
            }
        }
        return x;
    }

    /**
     * Replays the first release's DDPM sampler in double precision with the same noise. The oracle
     * returns epsilon for the 1000-step table at t * 20 while this sampler inverts it with its own
     * 50-step table (as the 3.0 reference does), so x0 varies with x and is recomputed every step.
     */
    double[] replayDdpmSampler(long seed, int steps, double guidance) {
        float[] ac1000 = CosineSchedule.of(1000).alphasCumprod();
        double[] beta = new double[steps];
        double[] ac = new double[steps];
        double product = 1;
        for (int i = 0; i < steps; i++) {
            double a1 = Math.pow(Math.cos(((double) i / steps + 0.008) / 1.008 * Math.PI / 2), 2);
            double a2 = Math.pow(Math.cos(((double) (i + 1) / steps + 0.008) / 1.008 * Math.PI / 2), 2);
            beta[i] = Math.min(1 - a2 / a1, 0.999);
            product *= 1 - beta[i];
            ac[i] = product;
        }
        double[] variance = new double[steps];
        for (int i = 0; i < steps; i++) {
            double prev = i == 0 ? 1 : ac[i - 1];
            variance[i] = beta[i] * (1 - prev) / (1 - ac[i]);
        }
        GaussianNoise noise = new GaussianNoise(seed);
        double[] x = new double[guidedX0.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = noise.next();
        }
        for (int t = steps - 1; t >= 0; t--) {
            double a = ac1000[t * (1000 / steps)];
            double prev = t == 0 ? 1 : ac[t - 1];
            double c1 = Math.sqrt(prev) * beta[t] / (1 - ac[t]);
            double c2 = Math.sqrt(1 - beta[t]) * (1 - prev) / (1 - ac[t]);
            double std = Math.sqrt(variance[t == 0 ? 1 : t]);
            double[] x0 = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double eps = (x[i] - Math.sqrt(a) * guidedX0[i]) / Math.sqrt(1 - a);
                x0[i] = (x[i] - Math.sqrt(1 - ac[t]) * eps) / Math.sqrt(ac[t]);
            }
            double s = Math.max(1, quantile95(x0));
            for (int i = 0; i < x.length; i++) {
                double clean = Math.max(-s, Math.min(s, x0[i])) / s;
                double mean = c1 * clean + c2 * x[i];
                x[i] = t > 0 ? mean + std * noise.next() : mean;
            }
        }
        return x;
    }

    private static double quantile95(double[] values) {
        double[] abs = Arrays.stream(values).map(Math::abs).sorted().toArray();
        double rank = 0.95 * (abs.length - 1);
        int lo = (int) Math.floor(rank);
        return abs[lo] + (rank - lo) * (abs[Math.min(lo + 1, abs.length - 1)] - abs[lo]);
    }

    /** The synthetic decoder applied to a latent, as 8-bit values with the pipeline's truncation. */
    static int[] decode(SyntheticModelSet gen, float[] latent, int h, int w) {
        int plane = h * w;
        int[] rgb = new int[3 * plane];
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < plane; i++) {
                double v = gen.decoderBias()[r];
                for (int c = 0; c < 4; c++) {
                    v += gen.decoderMatrix()[r][c] * latent[c * plane + i];
                }
                rgb[r * plane + i] = (int) (Math.min(Math.max((v + 1) / 2, 0), 1) * 255);
            }
        }
        return rgb;
    }
}
