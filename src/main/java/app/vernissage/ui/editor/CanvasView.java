package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.canvas.Regions;
import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.selection.MaskShapes;
import app.vernissage.core.selection.SelectionMode;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;

/**
 * The picture with its mask overlay and, during a run, the preview; painting with the mouse, brush
 * outline, wheel zoom around the cursor, pan with the middle button or Space + drag. With the
 * rectangle or lasso tool a drag draws a marching outline that becomes mask on release (the right
 * button, Alt or the eraser toggle subtract instead). Only the changed rectangle of the mask overlay
 * is repainted per change.
 */
public final class CanvasView extends Pane {
    private static final double WHEEL_FACTOR = 1.15;
    /** Beyond the mask's box that a preview may change: the composite's feather, with room to spare. */
    static final int PREVIEW_MARGIN = 64;

    private final EditorViewModel model;
    /** Picture, preview and mask overlay layers, in that order, under the view transform. */
    private final Group content = new Group();
    private final BooleanProperty previewShown = new SimpleBooleanProperty(false);
    private final Circle outline = new Circle();
    private final Circle outlineHalo = new Circle();
    private final ObjectProperty<ViewTransform> transform = new SimpleObjectProperty<>(ViewTransform.IDENTITY);
    private final BooleanProperty showMask = new SimpleBooleanProperty(true);
    private final ObjectProperty<CanvasTool> tool = new SimpleObjectProperty<>(CanvasTool.BRUSH);
    /** The selection being dragged, in image pixels (x, y pairs). */
    private final List<double[]> selection = new ArrayList<>();
    private final Polyline antsLight = new Polyline();
    private final Polyline antsDark = new Polyline();
    private final Timeline march = new Timeline(
            new KeyFrame(Duration.ZERO, new KeyValue(antsDark.strokeDashOffsetProperty(), 0)),
            new KeyFrame(Duration.millis(600), new KeyValue(antsDark.strokeDashOffsetProperty(), 10)));
    private boolean selecting;
    private boolean subtractSelection;
    private TiledLayer image;
    private TiledLayer mask;
    /** Made at a preview's first step and dropped when it ends, so no stale tile survives a run. */
    private TiledLayer preview;
    /** Where previews may differ from the picture: the mask's box plus a margin (see showPreview). */
    private PixelRect previewArea;
    private boolean autoFit = true;
    private int previewFrames;
    private boolean spaceHeld;
    private boolean panning;
    private boolean painting;
    private double lastX;
    private double lastY;

    public CanvasView(EditorViewModel model) {
        this.model = model;
        getStyleClass().add("editor-canvas");
        setId("canvas");
        setFocusTraversable(true);
        setMinSize(100, 100);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        for (Circle c : new Circle[]{outlineHalo, outline}) {
            c.setFill(null);
            c.setMouseTransparent(true);
            c.setVisible(false);
        }
        outline.setStroke(Color.BLACK);
        outlineHalo.setStroke(Color.WHITE);
        outlineHalo.setStrokeWidth(3);
        for (Polyline p : new Polyline[]{antsLight, antsDark}) {
            p.setFill(null);
            p.setMouseTransparent(true);
            p.setVisible(false);
            p.setStrokeWidth(1);
        }
        antsLight.setStroke(Color.WHITE);
        antsDark.setStroke(Color.BLACK);
        antsDark.getStrokeDashArray().setAll(5.0, 5.0);
        antsLight.setId("selection-outline");
        march.setCycleCount(Animation.INDEFINITE);
        getChildren().addAll(content, outlineHalo, outline, antsLight, antsDark);
        tool.addListener((obs, old, t) -> {
            setOutlineVisible(false);
            setCursor(t == CanvasTool.BRUSH ? Cursor.DEFAULT : Cursor.CROSSHAIR);
        });

        transform.addListener((obs, old, t) -> {
            for (TiledLayer layer : new TiledLayer[]{image, preview, mask}) {
                if (layer != null) {
                    layer.layout(t);
                }
            }
            updateOutline();
            updateSelectionOutline();
        });
        model.addChangeListener(this::apply);
        model.previewProperty().addListener((obs, old, p) -> showPreview(p));
        model.brushSizeProperty().addListener((obs, old, v) -> updateOutline());
        widthProperty().addListener((obs, old, v) -> refitIfAuto());
        heightProperty().addListener((obs, old, v) -> refitIfAuto());

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> moveOutline(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> setOutlineVisible(false));
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        if (model.document() != null) {
            apply(new DocumentChange(model.document().bounds(), true, true));
        }
    }

    private void apply(DocumentChange change) {
        Document doc = model.document();
        if (doc == null) {
            return;
        }
        if (change.replaced() || image == null || image.layerWidth() != doc.width()
                || image.layerHeight() != doc.height()) {
            image = new TiledLayer(doc.width(), doc.height());
            image.layout(transform.get());
            image.copy(doc.image(), doc.bounds());
            mask = new TiledLayer(doc.width(), doc.height());
            mask.layout(transform.get());
            mask.paintMask(doc.mask(), doc.bounds());
            mask.visibleProperty().bind(showMask.and(previewShown.not()));
            dropPreview();
            content.getChildren().setAll(image, mask);
            autoFit = true;
            refitIfAuto();
            return;
        }
        if (change.image()) {
            image.copy(doc.image(), change.area());
        } else {
            mask.paintMask(doc.mask(), change.area());
        }
    }

    /**
     * Shows a preview: the document-sized picture of a run's step or of a variant. Every preview
     * path (PreviewBlend, OutpaintController.blendInWindow, the feathered composite of a result)
     * changes pixels only under the mask or within its feather, so only the mask's box plus
     * {@link #PREVIEW_MARGIN} is copied. That is a small part of a large document. The area is taken
     * when the preview layer is made and kept until the preview ends.
     */
    private void showPreview(PixelImage p) {
        Document doc = model.document();
        if (p == null || doc == null || image == null || p.width() != doc.width() || p.height() != doc.height()) {
            dropPreview();
            return;
        }
        if (preview == null) {
            Rect box = Regions.bounds(doc.mask());
            previewArea = box == null ? doc.bounds()
                    : new PixelRect(box.x() - PREVIEW_MARGIN, box.y() - PREVIEW_MARGIN,
                            box.width() + 2 * PREVIEW_MARGIN, box.height() + 2 * PREVIEW_MARGIN)
                            .clip(doc.width(), doc.height());
            preview = new TiledLayer(doc.width(), doc.height());
            preview.layout(transform.get());
            content.getChildren().setAll(image, preview, mask);
        }
        preview.copy(p, previewArea);
        previewShown.set(true);
        previewFrames++;
    }

    private void dropPreview() {
        if (preview != null) {
            content.getChildren().remove(preview);
            preview = null;
        }
        previewShown.set(false);
    }

    // ---- View transform -------------------------------------------------------------------------

    public void fit() {
        Document doc = model.document();
        if (doc != null && getWidth() > 0) {
            transform.set(ViewTransform.fit(getWidth(), getHeight(), doc.width(), doc.height()));
        }
        autoFit = true;
    }

    public void actualSize() {
        Document doc = model.document();
        if (doc != null) {
            transform.set(ViewTransform.actualSize(getWidth(), getHeight(), doc.width(), doc.height()));
        }
        autoFit = false;
    }

    public void zoomBy(double factor) {
        transform.set(transform.get().zoomAround(getWidth() / 2, getHeight() / 2, factor));
        autoFit = false;
    }

    private void refitIfAuto() {
        if (autoFit) {
            fit();
        }
    }

    /** How many preview frames were drawn (for tests). */
    int previewFrames() {
        return previewFrames;
    }

    /** The picture as drawn, all tiles in one image (for tests). */
    WritableImage drawnImage() {
        return image.toImage();
    }

    /** The mask overlay as drawn (for tests). */
    TiledLayer maskLayer() {
        return mask;
    }

    /** Whether a preview is on screen now. */
    boolean previewVisible() {
        return previewShown.get();
    }

    public ObjectProperty<ViewTransform> transformProperty() {
        return transform;
    }

    public BooleanProperty showMaskProperty() {
        return showMask;
    }

    /** The tool a left drag uses. */
    public ObjectProperty<CanvasTool> toolProperty() {
        return tool;
    }

    /** Space held down: a left drag pans instead of painting. */
    public void setSpaceHeld(boolean held) {
        spaceHeld = held;
        setCursor(held ? Cursor.OPEN_HAND : restingCursor());
    }

    /** Whether Space is held now (a left drag pans); overlays on the canvas leave such drags to it. */
    public boolean isSpaceHeld() {
        return spaceHeld;
    }

    private Cursor restingCursor() {
        return tool.get() == CanvasTool.BRUSH ? Cursor.DEFAULT : Cursor.CROSSHAIR;
    }

    // ---- Mouse ----------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        requestFocus();
        lastX = e.getX();
        lastY = e.getY();
        if (e.getButton() == MouseButton.MIDDLE || (spaceHeld && e.getButton() == MouseButton.PRIMARY)) {
            panning = true;
            setCursor(Cursor.CLOSED_HAND);
        } else if ((e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.SECONDARY)
                && tool.get() != CanvasTool.BRUSH) {
            if (model.document() != null && !model.runningProperty().get()) {
                ViewTransform t = transform.get();
                selecting = true;
                subtractSelection = e.getButton() == MouseButton.SECONDARY || e.isAltDown()
                        || model.eraserProperty().get();
                selection.clear();
                selection.add(new double[]{t.imageX(e.getX()), t.imageY(e.getY())});
                updateSelectionOutline();
                march.play();
            }
        } else if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.SECONDARY) {
            ViewTransform t = transform.get();
            painting = true;
            model.beginStroke(t.imageX(e.getX()), t.imageY(e.getY()), e.getButton() == MouseButton.SECONDARY);
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (panning) {
            transform.set(transform.get().panBy(e.getX() - lastX, e.getY() - lastY));
            autoFit = false;
        } else if (painting) {
            ViewTransform t = transform.get();
            model.continueStroke(t.imageX(e.getX()), t.imageY(e.getY()));
        } else if (selecting) {
            ViewTransform t = transform.get();
            double[] point = {t.imageX(e.getX()), t.imageY(e.getY())};
            if (tool.get() == CanvasTool.RECTANGLE) {
                selection.subList(1, selection.size()).clear();
                selection.add(point);
            } else {
                double[] last = selection.getLast();
                if (Math.hypot(point[0] - last[0], point[1] - last[1]) * t.scale() >= 1) {
                    selection.add(point);
                }
            }
            updateSelectionOutline();
        }
        lastX = e.getX();
        lastY = e.getY();
        moveOutline(e.getX(), e.getY());
        e.consume();
    }

    private void released(MouseEvent e) {
        if (painting) {
            model.endStroke();
        }
        if (selecting) {
            finishSelection();
        }
        if (panning) {
            setCursor(spaceHeld ? Cursor.OPEN_HAND : restingCursor());
        }
        painting = false;
        panning = false;
        e.consume();
    }

    private void finishSelection() {
        selecting = false;
        march.stop();
        List<double[]> points = List.copyOf(selection);
        selection.clear();
        updateSelectionOutline();
        SelectionMode mode = subtractSelection ? SelectionMode.SUBTRACT : SelectionMode.ADD;
        if (tool.get() == CanvasTool.RECTANGLE && points.size() == 2) {
            double[] a = points.getFirst();
            double[] b = points.getLast();
            PixelRect rect = PixelRect.ofCorners((int) Math.round(a[0]), (int) Math.round(a[1]),
                    (int) Math.round(b[0]), (int) Math.round(b[1]));
            model.applyMaskEdit(d -> MaskShapes.rectangle(d, rect, mode));
        } else if (tool.get() == CanvasTool.LASSO && points.size() >= 3) {
            double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
            model.applyMaskEdit(d -> MaskShapes.polygon(d, xs, ys, mode));
        }
    }

    /** Redraws the marching outline of the selection being dragged, in view coordinates. */
    private void updateSelectionOutline() {
        ViewTransform t = transform.get();
        List<Double> coords = new ArrayList<>();
        if (tool.get() == CanvasTool.RECTANGLE && selection.size() == 2) {
            double[] a = selection.getFirst();
            double[] b = selection.getLast();
            double x0 = t.viewX(Math.round(a[0]));
            double y0 = t.viewY(Math.round(a[1]));
            double x1 = t.viewX(Math.round(b[0]));
            double y1 = t.viewY(Math.round(b[1]));
            coords.addAll(List.of(x0, y0, x1, y0, x1, y1, x0, y1, x0, y0));
        } else if (selection.size() > 1) {
            for (double[] p : selection) {
                coords.add(t.viewX(p[0]));
                coords.add(t.viewY(p[1]));
            }
            coords.add(coords.get(0));
            coords.add(coords.get(1));
        }
        boolean show = !coords.isEmpty();
        for (Polyline p : new Polyline[]{antsLight, antsDark}) {
            p.getPoints().setAll(coords);
            p.setVisible(show);
        }
    }

    /** Whether a selection outline is on screen now (for tests). */
    boolean selectionOutlineVisible() {
        return antsLight.isVisible();
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        transform.set(transform.get().zoomAround(e.getX(), e.getY(), e.getDeltaY() > 0 ? WHEEL_FACTOR : 1 / WHEEL_FACTOR));
        autoFit = false;
        e.consume();
    }

    private void moveOutline(double x, double y) {
        lastX = x;
        lastY = y;
        setOutlineVisible(model.document() != null && tool.get() == CanvasTool.BRUSH);
        updateOutline();
    }

    private void setOutlineVisible(boolean visible) {
        outline.setVisible(visible);
        outlineHalo.setVisible(visible);
    }

    private void updateOutline() {
        double r = Math.max(1, model.brushSizeProperty().get() * transform.get().scale() / 2);
        for (Circle c : new Circle[]{outlineHalo, outline}) {
            c.setCenterX(lastX);
            c.setCenterY(lastY);
            c.setRadius(r);
        }
    }
}
