package app.vernissage.ui.editor;

import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/** Copies between the domain's pictures and masks and JavaFX images. */
public final class FxImages {
    /** The mask overlay colour, RGB; its alpha follows the mask value. */
    public static final int MASK_RGB = 0xFF2D6E;
    /** Overlay opacity at mask value 255, 0..255. */
    public static final int MASK_ALPHA = 140;

    private FxImages() {
    }

    public static WritableImage toFx(PixelImage image) {
        WritableImage out = new WritableImage(image.width(), image.height());
        copy(image, new PixelRect(0, 0, image.width(), image.height()), out);
        return out;
    }

    /** Copies {@code area} of {@code image} into {@code target} (same size). */
    public static void copy(PixelImage image, PixelRect area, WritableImage target) {
        if (area.isEmpty()) {
            return;
        }
        target.getPixelWriter().setPixels(area.x(), area.y(), area.width(), area.height(),
                PixelFormat.getIntArgbInstance(), image.argb(), area.y() * image.width() + area.x(), image.width());
    }

    /** Paints {@code area} of the mask into the overlay image as a translucent colour. */
    public static void paintMask(Mask mask, PixelRect area, WritableImage overlay) {
        if (area.isEmpty()) {
            return;
        }
        int[] row = new int[area.width() * area.height()];
        byte[] values = mask.values();
        for (int y = 0; y < area.height(); y++) {
            int from = (area.y() + y) * mask.width() + area.x();
            for (int x = 0; x < area.width(); x++) {
                row[y * area.width() + x] = maskPixel(values[from + x] & 0xFF);
            }
        }
        overlay.getPixelWriter().setPixels(area.x(), area.y(), area.width(), area.height(),
                PixelFormat.getIntArgbInstance(), row, 0, area.width());
    }

    /** The overlay's ARGB pixel for a mask value 0..255. */
    static int maskPixel(int value) {
        return ((value * MASK_ALPHA + 127) / 255) << 24 | MASK_RGB;
    }

    /** A JavaFX image (e.g. a snapshot) as a picture. */
    public static PixelImage fromFx(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] px = new int[w * h];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        for (int i = 0; i < px.length; i++) {
            px[i] |= 0xFF000000;
        }
        return new PixelImage(w, h, px, false);
    }
}
