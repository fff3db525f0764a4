package app.vernissage.engine.text;

/**
 * The U-Net's text inputs for one guided step, batch order [conditional; unconditional].
 *
 * @param context [2, N, D] row-major
 * @param mask    [2, N]
 * @param length  N, rows per batch entry (the U-Net pools over all N rows, so N matters)
 * @param width   D
 */
public record Conditioning(float[] context, boolean[] mask, int length, int width) {
    public Conditioning {
        if (context.length != 2 * length * width || mask.length != 2 * length) {
            throw new IllegalArgumentException("conditioning arrays do not match [2, " + length + ", " + width + "]");
        }
    }
}
