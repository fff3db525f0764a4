package app.vernissage.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * Turns a decoded {@link BufferedImage} into a {@link PixelImage}.
 *
 * <p>Gray, gray+alpha, RGB and RGBA images with 8- or 16-bit components are read from the raster
 * samples directly: {@code BufferedImage.getRGB} would treat Java's gray colour space as linear
 * and brighten gray pictures. Sixteen-bit samples are reduced with {@code (v * 255 + 32767) / 65535}.
 * Every other layout (palette, packed, other colour spaces) goes through {@code getRGB}.
 */
final class RasterToPixels {
    private RasterToPixels() {
    }

    static PixelImage convert(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        boolean hasAlpha = cm.hasAlpha();
        int[] argb = isDirectlyReadable(image)
                ? readSamples(image.getRaster(), cm.getComponentSize(0) == 16)
                : image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        if (!hasAlpha) {
            for (int i = 0; i < argb.length; i++) {
                argb[i] |= 0xFF000000;
            }
        }
        return new PixelImage(image.getWidth(), image.getHeight(), argb, hasAlpha);
    }

    private static boolean isDirectlyReadable(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        if (!(cm instanceof ComponentColorModel) || cm.isAlphaPremultiplied()) {
            return false;
        }
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        if (bands != cm.getNumComponents()) {
            return false;
        }
        ColorSpace space = cm.getColorSpace();
        boolean gray = space.getType() == ColorSpace.TYPE_GRAY && bands == (cm.hasAlpha() ? 2 : 1);
        boolean rgb = space.isCS_sRGB() && bands == (cm.hasAlpha() ? 4 : 3);
        if (!gray && !rgb) {
            return false;
        }
        int transfer = raster.getTransferType();
        for (int b = 0; b < bands; b++) {
            int bits = cm.getComponentSize(b);
            boolean ok = (bits == 8 && transfer == DataBuffer.TYPE_BYTE)
                    || (bits == 16 && transfer == DataBuffer.TYPE_USHORT);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int[] readSamples(Raster raster, boolean sixteenBit) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int bands = raster.getNumBands();
        int[] out = new int[width * height];
        int[] row = new int[width * bands];
        int minX = raster.getMinX();
        int minY = raster.getMinY();
        for (int y = 0; y < height; y++) {
            raster.getPixels(minX, minY + y, width, 1, row);
            if (sixteenBit) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = (row[i] * 255 + 32767) / 65535;
                }
            }
            int base = y * width;
            for (int x = 0, s = 0; x < width; x++, s += bands) {
                int r;
                int g;
                int b;
                int a;
                switch (bands) {
                    case 1 -> {
                        r = g = b = row[s];
                        a = 255;
                    }
                    case 2 -> {
                        r = g = b = row[s];
                        a = row[s + 1];
                    }
                    case 3 -> {
                        r = row[s];
                        g = row[s + 1];
                        b = row[s + 2];
                        a = 255;
                    }
                    default -> {
                        r = row[s];
                        g = row[s + 1];
                        b = row[s + 2];
                        a = row[s + 3];
                    }
                }
                out[base + x] = (a << 24) | (r << 16) | (g << 8) | b;
            }
        }
        return out;
    }
}
