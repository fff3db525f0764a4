package app.vernissage.ui.editor;

import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * One layer of the canvas (picture, mask overlay or live preview) cut into square tiles of
 * {@link #TILE} pixels, each its own image. A brush segment or a preview step then rewrites and
 * re-uploads only the tiles it touches instead of the whole document. One image of 16384x4096 cost
 * 350-450 ms per frame while painting, which is far from responsive; see docs/benchmarks.md. Tiles
 * also keep each texture under the 8192 or 16384 pixel limit of many GPUs.
 *
 * <p>Each tile is placed in view coordinates with its edges rounded to whole screen pixels
 * ({@link #layout}), not scaled as one group. Under a group scale the tile edges fall between
 * pixels. The software renderer then antialiases them, and a grid of faint lines showed over the
 * picture. Neighbours round their shared edge the same way, so they meet exactly.
 *
 * <p>Tiles are made on first write. A mask or preview that covers a small part of a large document
 * holds only the tiles under it; writing only zeros into a missing mask tile makes none.
 */
final class TiledLayer extends Group {
    static final int TILE = 1024;

    private final int width;
    private final int height;
    private final int columns;
    private final WritableImage[] tiles;
    private final ImageView[] views;
    private ViewTransform transform = ViewTransform.IDENTITY;

    TiledLayer(int width, int height) {
        this.width = width;
        this.height = height;
        this.columns = (width + TILE - 1) / TILE;
        int rows = (height + TILE - 1) / TILE;
        this.tiles = new WritableImage[columns * rows];
        this.views = new ImageView[columns * rows];
        setAutoSizeChildren(false);
        setMouseTransparent(true);
    }

    int layerWidth() {
        return width;
    }

    int layerHeight() {
        return height;
    }

    /** Copies {@code area} of {@code image} (the layer's size) into the tiles under it. */
    void copy(PixelImage image, PixelRect area) {
        forEachTile(area, (tile, part, tx, ty) -> tile(tx, ty, true).getPixelWriter().setPixels(
                part.x() - tx * TILE, part.y() - ty * TILE, part.width(), part.height(),
                PixelFormat.getIntArgbInstance(), image.argb(), part.y() * image.width() + part.x(), image.width()));
    }

    /** Paints {@code area} of the mask as the translucent overlay colour ({@link FxImages#maskPixel}). */
    void paintMask(Mask mask, PixelRect area) {
        byte[] values = mask.values();
        forEachTile(area, (tile, part, tx, ty) -> {
            int[] argb = new int[part.width() * part.height()];
            boolean any = false;
            for (int y = 0; y < part.height(); y++) {
                int from = (part.y() + y) * mask.width() + part.x();
                for (int x = 0; x < part.width(); x++) {
                    int v = values[from + x] & 0xFF;
                    any |= v != 0;
                    argb[y * part.width() + x] = FxImages.maskPixel(v);
                }
            }
            WritableImage target = tile != null ? tile : any ? tile(tx, ty, true) : null;
            if (target != null) {
                target.getPixelWriter().setPixels(part.x() - tx * TILE, part.y() - ty * TILE, part.width(),
                        part.height(), PixelFormat.getIntArgbInstance(), argb, 0, part.width());
            }
        });
    }

    /** Places the tiles for the view transform {@code t} (image pixels to view pixels). */
    void layout(ViewTransform t) {
        transform = t;
        for (int i = 0; i < views.length; i++) {
            if (views[i] != null) {
                place(views[i], i % columns, i / columns);
            }
        }
    }

    private void place(ImageView view, int tx, int ty) {
        double x0 = Math.round(transform.viewX(tx * TILE));
        double y0 = Math.round(transform.viewY(ty * TILE));
        double x1 = Math.round(transform.viewX(Math.min(width, (tx + 1) * TILE)));
        double y1 = Math.round(transform.viewY(Math.min(height, (ty + 1) * TILE)));
        view.setLayoutX(x0);
        view.setLayoutY(y0);
        view.setFitWidth(Math.max(0, x1 - x0));
        view.setFitHeight(Math.max(0, y1 - y0));
        view.setVisible(x1 > x0 && y1 > y0);
    }

    /** How many tiles exist (tests). */
    int tileCount() {
        int n = 0;
        for (WritableImage t : tiles) {
            n += t == null ? 0 : 1;
        }
        return n;
    }

    /** The whole layer as one image, transparent where no tile exists (tests). */
    WritableImage toImage() {
        WritableImage out = new WritableImage(width, height);
        for (int i = 0; i < tiles.length; i++) {
            if (tiles[i] != null) {
                int tx = i % columns;
                int ty = i / columns;
                int w = (int) tiles[i].getWidth();
                int h = (int) tiles[i].getHeight();
                out.getPixelWriter().setPixels(tx * TILE, ty * TILE, w, h, tiles[i].getPixelReader(), 0, 0);
            }
        }
        return out;
    }

    private WritableImage tile(int tx, int ty, boolean create) {
        int i = ty * columns + tx;
        if (tiles[i] == null && create) {
            int w = Math.min(TILE, width - tx * TILE);
            int h = Math.min(TILE, height - ty * TILE);
            tiles[i] = new WritableImage(w, h);
            ImageView view = new ImageView(tiles[i]);
            view.setSmooth(false);
            view.setPreserveRatio(false);
            views[i] = view;
            place(view, tx, ty);
            getChildren().add(view);
        }
        return tiles[i];
    }

    private interface TileWork {
        void run(WritableImage tileOrNull, PixelRect part, int tx, int ty);
    }

    private void forEachTile(PixelRect area, TileWork work) {
        if (area.isEmpty()) {
            return;
        }
        int x0 = Math.max(0, area.x());
        int y0 = Math.max(0, area.y());
        int x1 = Math.min(width, area.x() + area.width());
        int y1 = Math.min(height, area.y() + area.height());
        for (int ty = y0 / TILE; ty * TILE < y1; ty++) {
            for (int tx = x0 / TILE; tx * TILE < x1; tx++) {
                int px0 = Math.max(x0, tx * TILE);
                int py0 = Math.max(y0, ty * TILE);
                int px1 = Math.min(x1, (tx + 1) * TILE);
                int py1 = Math.min(y1, (ty + 1) * TILE);
                work.run(tiles[ty * columns + tx], new PixelRect(px0, py0, px1 - px0, py1 - py0), tx, ty);
            }
        }
    }
}
