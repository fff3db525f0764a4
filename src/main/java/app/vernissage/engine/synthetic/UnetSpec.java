package app.vernissage.engine.synthetic;

/**
 * What a generated U-Net computes and how its interface is typed.
 *
 * @param fill          how the clean latent x0 is filled under the mask
 * @param contextDim    width D of the context
 * @param projection    [D, 4] row-major: pooled context to a latent colour
 * @param keyWeight     [4]: added to the colour once per true key of {@code context_mask}
 * @param fp16          float inputs and the output in float16 (as an fp16 export)
 * @param floatTimestep {@code timestep} as float32 instead of int64
 * @param heavyLayers   extra 3x3 convolutions whose result is multiplied by 0 (compute load for benchmarks)
 * @param heavyChannels channels of those convolutions
 */
public record UnetSpec(Fill fill, int contextDim, float[] projection, float[] keyWeight,
                       boolean fp16, boolean floatTimestep, int heavyLayers, int heavyChannels) {

    /** The fill rule under the mask. */
    public enum Fill {
        /**
         * {@code x0 = keep * masked_latent + (1 - keep) * (mean_N(context) P + keys * k)}: simple enough
         * for a test to predict a whole run.
         */
        ORACLE,
        /**
         * A smooth fill from the surrounding latent (normalised 31x31 box blur) tinted by the prompt's
         * colour: the demo set's behaviour, so the whole flow shows something sensible.
         */
        DEMO
    }

    public UnetSpec {
        if (projection.length != contextDim * 4) {
            throw new IllegalArgumentException("projection must be [" + contextDim + ", 4]");
        }
        if (keyWeight.length != 4) {
            throw new IllegalArgumentException("keyWeight must have 4 values");
        }
        if (heavyLayers < 0 || (heavyLayers > 0 && heavyChannels < 1)) {
            throw new IllegalArgumentException("heavy layers need at least one channel");
        }
    }

    public UnetSpec withHeavy(int layers, int channels) {
        return new UnetSpec(fill, contextDim, projection, keyWeight, fp16, floatTimestep, layers, channels);
    }

    public UnetSpec withTypes(boolean fp16Io, boolean floatTime) {
        return new UnetSpec(fill, contextDim, projection, keyWeight, fp16Io, floatTime, heavyLayers, heavyChannels);
    }
}
