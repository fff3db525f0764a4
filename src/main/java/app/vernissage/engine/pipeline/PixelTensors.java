package app.vernissage.engine.pipeline;

import app.vernissage.core.image.PixelImage;

/**
 * Conversions between 8-bit pictures and the pipeline's planar float tensors, with the reference's
 * value mappings.
 */
final class PixelTensors {
    private PixelTensors() {
    }

    /** RGB as [3, H, W] in [-1, 1]: {@code x / 255 * 2 - 1} in float32 (torchvision's ToTensor, then the pipeline's scaling). */
    static float[] toSigned(PixelImage image) {
        int plane = image.width() * image.height();
        float[] out = new float[3 * plane];
        int[] argb = image.argb();
        for (int i = 0; i < plane; i++) {
            int p = argb[i];
            out[i] = ((p >> 16) & 255) / 255f * 2f - 1f;
            out[plane + i] = ((p >> 8) & 255) / 255f * 2f - 1f;
            out[2 * plane + i] = (p & 255) / 255f * 2f - 1f;
        }
        return out;
    }

    /**
     * [3, H, W] in [-1, 1] to an opaque picture: {@code clamp((x + 1) / 2, 0, 1) * 255}, truncated to an
     * integer as torchvision's ToPILImage does ({@code mul(255).byte()}).
     */
    static PixelImage fromSigned(float[] chw, int width, int height) {
        int plane = width * height;
        int[] argb = new int[plane];
        for (int i = 0; i < plane; i++) {
            argb[i] = 0xFF000000 | (toByte(chw[i]) << 16) | (toByte(chw[plane + i]) << 8) | toByte(chw[2 * plane + i]);
        }
        return new PixelImage(width, height, argb, false);
    }

    private static int toByte(float signed) {
        float unit = Math.min(Math.max((signed + 1f) / 2f, 0f), 1f);
        return (int) (unit * 255f);
    }

    /** The picture with its alpha dropped (Pillow's {@code convert("RGB")}). */
    static PixelImage opaque(PixelImage image) {
        if (!image.hasAlpha()) {
            return image;
        }
        int[] argb = image.argb().clone();
        for (int i = 0; i < argb.length; i++) {
            argb[i] |= 0xFF000000;
        }
        return new PixelImage(image.width(), image.height(), argb, false);
    }
}
