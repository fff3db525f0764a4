package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.image.PixelImage;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;

/**
 * The picture with its mask overlay and, during a run, the preview; painting with the mouse, brush
 * outline, wheel zoom around the cursor, pan with the middle button or Space + drag.
 */
public final class CanvasView extends Pane {
    private static final double WHEEL_FACTOR = 1.15;

    private final EditorViewModel model;
    private final ImageView imageView = new ImageView();
    private final ImageView previewView = new ImageView();
    private final ImageView maskView = new ImageView();
    private final Group content = new Group(imageView, previewView, maskView);
    private final Circle outline = new Circle();
    private final Circle outlineHalo = new Circle();
    private final Affine affine = new Affine();
    private final ObjectProperty<ViewTransform> transform = new SimpleObjectProperty<>(ViewTransform.IDENTITY);
    private final BooleanProperty showMask = new SimpleBooleanProperty(true);
    private WritableImage image;
    private WritableImage mask;
    private WritableImage preview;
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
        content.getTransforms().add(affine);
        for (ImageView v : new ImageView[]{imageView, previewView, maskView}) {
            v.setSmooth(false);
        }
        maskView.visibleProperty().bind(showMask.and(previewView.visibleProperty().not()));
        for (Circle c : new Circle[]{outlineHalo, outline}) {
            c.setFill(null);
            c.setMouseTransparent(true);
            c.setVisible(false);
        }
        outline.setStroke(Color.BLACK);
        outlineHalo.setStroke(Color.WHITE);
        outlineHalo.setStrokeWidth(3);
        getChildren().addAll(content, outlineHalo, outline);

        transform.addListener((obs, old, t) -> {
            affine.setToTransform(t.scale(), 0, t.offsetX(), 0, t.scale(), t.offsetY());
            updateOutline();
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
        if (change.replaced() || image == null || image.getWidth() != doc.width() || image.getHeight() != doc.height()) {
            image = FxImages.toFx(doc.image());
            mask = new WritableImage(doc.width(), doc.height());
            preview = new WritableImage(doc.width(), doc.height());
            FxImages.paintMask(doc.mask(), doc.bounds(), mask);
            imageView.setImage(image);
            maskView.setImage(mask);
            previewView.setImage(preview);
            previewView.setVisible(false);
            autoFit = true;
            refitIfAuto();
            return;
        }
        if (change.image()) {
            FxImages.copy(doc.image(), change.area(), image);
        } else {
            FxImages.paintMask(doc.mask(), change.area(), mask);
        }
    }

    private void showPreview(PixelImage p) {
        if (p == null || preview == null || p.width() != preview.getWidth() || p.height() != preview.getHeight()) {
            previewView.setVisible(false);
            return;
        }
        FxImages.copy(p, new app.vernissage.core.document.PixelRect(0, 0, p.width(), p.height()), preview);
        previewView.setVisible(true);
        previewFrames++;
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

    /** The picture as drawn (for tests). */
    WritableImage drawnImage() {
        return image;
    }

    /** Whether a preview is on screen now. */
    boolean previewVisible() {
        return previewView.isVisible();
    }

    public ObjectProperty<ViewTransform> transformProperty() {
        return transform;
    }

    public BooleanProperty showMaskProperty() {
        return showMask;
    }

    /** Space held down: a left drag pans instead of painting. */
    public void setSpaceHeld(boolean held) {
        spaceHeld = held;
        setCursor(held ? Cursor.OPEN_HAND : Cursor.DEFAULT);
    }

    // ---- Mouse ----------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        requestFocus();
        lastX = e.getX();
        lastY = e.getY();
        if (e.getButton() == MouseButton.MIDDLE || (spaceHeld && e.getButton() == MouseButton.PRIMARY)) {
            panning = true;
            setCursor(Cursor.CLOSED_HAND);
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
        if (panning) {
            setCursor(spaceHeld ? Cursor.OPEN_HAND : Cursor.DEFAULT);
        }
        painting = false;
        panning = false;
        e.consume();
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
        setOutlineVisible(model.document() != null);
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
