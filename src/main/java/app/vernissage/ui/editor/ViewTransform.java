package app.vernissage.ui.editor;

/**
 * Maps image pixels to canvas (view) pixels: {@code view = image * scale + offset}. Every conversion
 * between the two spaces goes through here.
 */
public record ViewTransform(double scale, double offsetX, double offsetY) {
    public static final double MIN_SCALE = 0.02;
    public static final double MAX_SCALE = 64;
    public static final ViewTransform IDENTITY = new ViewTransform(1, 0, 0);

    public ViewTransform {
        scale = Math.clamp(scale, MIN_SCALE, MAX_SCALE);
    }

    public double imageX(double viewX) {
        return (viewX - offsetX) / scale;
    }

    public double imageY(double viewY) {
        return (viewY - offsetY) / scale;
    }

    public double viewX(double imageX) {
        return imageX * scale + offsetX;
    }

    public double viewY(double imageY) {
        return imageY * scale + offsetY;
    }

    /** Zooms by {@code factor} keeping the image point under ({@code viewX}, {@code viewY}) in place. */
    public ViewTransform zoomAround(double viewX, double viewY, double factor) {
        double newScale = Math.clamp(scale * factor, MIN_SCALE, MAX_SCALE);
        double ix = imageX(viewX);
        double iy = imageY(viewY);
        return new ViewTransform(newScale, viewX - ix * newScale, viewY - iy * newScale);
    }

    public ViewTransform panBy(double dx, double dy) {
        return new ViewTransform(scale, offsetX + dx, offsetY + dy);
    }

    /** The whole image centred in the view, as large as fits (never above 100 %), with a small margin. */
    public static ViewTransform fit(double viewWidth, double viewHeight, int imageWidth, int imageHeight) {
        double margin = 16;
        double s = Math.min(1, Math.min((viewWidth - 2 * margin) / imageWidth, (viewHeight - 2 * margin) / imageHeight));
        s = Math.max(MIN_SCALE, s);
        return centred(viewWidth, viewHeight, imageWidth, imageHeight, s);
    }

    /** 100 %, centred. */
    public static ViewTransform actualSize(double viewWidth, double viewHeight, int imageWidth, int imageHeight) {
        return centred(viewWidth, viewHeight, imageWidth, imageHeight, 1);
    }

    private static ViewTransform centred(double vw, double vh, int iw, int ih, double s) {
        return new ViewTransform(s, Math.round((vw - iw * s) / 2), Math.round((vh - ih * s) / 2));
    }
}
