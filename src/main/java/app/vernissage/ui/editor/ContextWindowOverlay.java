package app.vernissage.ui.editor;

import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.window.ContextWindow;
import app.vernissage.core.window.ManualWindow.Handle;
import app.vernissage.ui.Messages;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

import java.util.EnumMap;
import java.util.Map;

/**
 * The context window of the next generation drawn over the canvas as a dashed rectangle (after an
 * extension, while the mask is not empty). It lies on top of the {@link CanvasView} in the same
 * place and follows its zoom and pan.
 *
 * <p>It can be moved and resized by hand, without getting in the way of painting: only a thin band
 * along its border ({@link #BAND} view pixels either side of the line: edges and corners resize) and
 * a small tab above its top-left corner (drag to move) take the mouse; inside the window the canvas
 * paints as usual, except that Ctrl (Cmd) + drag there moves the window too. Double-clicking the tab
 * or the border goes back to the automatic window; Esc during a drag puts the window back where it
 * was. While a generation or an extension runs the window is only drawn.
 */
final class ContextWindowOverlay extends Pane {
    /** Half the width of the border band that resizes, view pixels. */
    static final double BAND = 4;
    /** Half the side of a corner's grip, view pixels. */
    private static final double CORNER = 7;
    /** Pointer travel below this many view pixels leaves the window as it was (a click). */
    private static final double THRESHOLD = 3;

    private final Rectangle light = new Rectangle();
    private final Rectangle dark = new Rectangle();
    private final Map<Handle, Rectangle> grips = new EnumMap<>(Handle.class);
    private final Label tab = new Label();
    private final EditorViewModel model;
    private final OutpaintController controller;
    private final CanvasView canvas;
    /** The drag in progress: what it holds, where it started, the window then and the user's window before. */
    private Handle handle;
    private ContextWindow start;
    private ContextWindow before;
    private double startX;
    private double startY;
    private boolean moved;

    ContextWindowOverlay(EditorViewModel model, CanvasView canvas) {
        this.model = model;
        this.controller = model.outpaint();
        this.canvas = canvas;
        setPickOnBounds(false);
        setId("context-window");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        for (Rectangle r : new Rectangle[]{light, dark}) {
            r.setFill(null);
            r.setManaged(false);
            r.setMouseTransparent(true);
            r.setStrokeWidth(1.5);
            r.setVisible(false);
        }
        light.setStroke(Color.WHITE);
        dark.setStroke(Color.rgb(255, 140, 0));
        dark.getStrokeDashArray().setAll(8.0, 6.0);
        dark.setId("context-window-rect");
        getChildren().addAll(light, dark);

        Tooltip tip = new Tooltip(Messages.get("outpaint.window.tooltip"));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        // Edges first, corners on top of them: where they meet, the corner wins.
        for (Handle h : new Handle[]{Handle.LEFT, Handle.RIGHT, Handle.TOP, Handle.BOTTOM,
                Handle.TOP_LEFT, Handle.TOP_RIGHT, Handle.BOTTOM_LEFT, Handle.BOTTOM_RIGHT}) {
            Rectangle r = new Rectangle();
            r.setId("context-window-" + h.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            r.setFill(Color.TRANSPARENT);
            r.setManaged(false);
            r.setCursor(cursor(h));
            Tooltip.install(r, tip);
            listen(r, h);
            grips.put(h, r);
            getChildren().add(r);
        }
        tab.setId("context-window-tab");
        tab.setGraphic(FontIcon.of(MaterialDesignA.ARROW_ALL, 12, Color.WHITE));
        tab.setStyle("-fx-background-color: rgba(255,140,0,0.9); -fx-text-fill: white; -fx-font-size: 0.85em;"
                + " -fx-padding: 1 6 1 4; -fx-background-radius: 3 3 0 0;");
        tab.setManaged(false);
        tab.setCursor(Cursor.MOVE);
        tab.setTooltip(tip);
        listen(tab, Handle.MOVE);
        getChildren().add(tab);

        // Ctrl (Cmd) + drag inside the window moves it; the canvas does not see that drag.
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isShortcutDown() && interactive() && inside(e)) {
                begin(Handle.MOVE, e);
            }
        });

        controller.windowProperty().addListener((obs, o, w) -> update());
        controller.manualWindowProperty().addListener((obs, o, v) -> update());
        canvas.transformProperty().addListener((obs, o, t) -> update());
        model.runningProperty().addListener((obs, o, v) -> update());
        controller.extendingProperty().addListener((obs, o, v) -> update());
        SceneDragFollower.install(this, () -> handle != null, this::drag, this::end, this::keyPressed);
        update();
    }

    private void listen(Node node, Handle h) {
        PassToCanvas.install(node, canvas);
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && interactive()) {
                begin(h, e);
            }
            e.consume();
        });
        node.addEventHandler(MouseEvent.MOUSE_DRAGGED, MouseEvent::consume);
        node.addEventHandler(MouseEvent.MOUSE_RELEASED, MouseEvent::consume);
        node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress() && interactive()) {
                controller.resetWindow();
            }
            e.consume();
        });
    }

    private static Cursor cursor(Handle h) {
        return switch (h) {
            case MOVE -> Cursor.MOVE;
            case LEFT -> Cursor.W_RESIZE;
            case RIGHT -> Cursor.E_RESIZE;
            case TOP -> Cursor.N_RESIZE;
            case BOTTOM -> Cursor.S_RESIZE;
            case TOP_LEFT -> Cursor.NW_RESIZE;
            case TOP_RIGHT -> Cursor.NE_RESIZE;
            case BOTTOM_LEFT -> Cursor.SW_RESIZE;
            case BOTTOM_RIGHT -> Cursor.SE_RESIZE;
        };
    }

    private boolean interactive() {
        return controller.windowProperty().get() != null && !model.runningProperty().get()
                && !controller.extendingProperty().get();
    }

    private boolean inside(MouseEvent e) {
        Rect w = controller.windowProperty().get();
        ViewTransform t = canvas.transformProperty().get();
        Point2D p = local(e);
        double x = t.imageX(p.getX());
        double y = t.imageY(p.getY());
        return w != null && x >= w.x() && y >= w.y() && x < w.right() && y < w.bottom();
    }

    private Point2D local(MouseEvent e) {
        return canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
    }

    // ---- Dragging -----------------------------------------------------------------------------

    private void begin(Handle h, MouseEvent e) {
        ContextWindow w = controller.shownWindow();
        if (w == null) {
            return;
        }
        Point2D p = local(e);
        handle = h;
        start = w;
        before = controller.manualWindow();
        startX = p.getX();
        startY = p.getY();
        moved = false;
        e.consume();
    }

    private void drag(MouseEvent e) {
        Point2D p = local(e);
        double dx = p.getX() - startX;
        double dy = p.getY() - startY;
        moved |= Math.hypot(dx, dy) >= THRESHOLD;
        if (moved) {
            double scale = canvas.transformProperty().get().scale();
            int ix = (int) Math.round(dx / scale);
            int iy = (int) Math.round(dy / scale);
            if (handle == Handle.MOVE) {
                controller.moveWindow(start, ix, iy);
            } else {
                controller.resizeWindow(start, handle, ix, iy);
            }
        }
        e.consume();
    }

    private void end(MouseEvent e) {
        drag(e);
        handle = null;
        start = null;
        before = null;
    }

    private void keyPressed(KeyEvent e) {
        if (handle != null && e.getCode() == KeyCode.ESCAPE) {
            if (moved) {
                controller.restoreWindow(before);
            }
            handle = null;
            start = null;
            before = null;
            e.consume();
        }
    }

    // ---- Drawing ------------------------------------------------------------------------------

    private void update() {
        Rect w = controller.windowProperty().get();
        ViewTransform t = canvas.transformProperty().get();
        boolean shown = w != null;
        double x0 = shown ? t.viewX(w.x()) : 0;
        double y0 = shown ? t.viewY(w.y()) : 0;
        double x1 = shown ? t.viewX(w.right()) : 0;
        double y1 = shown ? t.viewY(w.bottom()) : 0;
        for (Rectangle r : new Rectangle[]{light, dark}) {
            r.setVisible(shown);
            r.setX(x0);
            r.setY(y0);
            r.setWidth(x1 - x0);
            r.setHeight(y1 - y0);
        }
        boolean live = shown && interactive();
        for (Map.Entry<Handle, Rectangle> entry : grips.entrySet()) {
            Rectangle r = entry.getValue();
            r.setVisible(live);
            Handle h = entry.getKey();
            boolean corner = (h.left() || h.right()) && (h.top() || h.bottom());
            double cx = h.left() ? x0 : h.right() ? x1 : (x0 + x1) / 2;
            double cy = h.top() ? y0 : h.bottom() ? y1 : (y0 + y1) / 2;
            double halfW = corner || h.left() || h.right() ? (corner ? CORNER : BAND) : (x1 - x0) / 2;
            double halfH = corner || h.top() || h.bottom() ? (corner ? CORNER : BAND) : (y1 - y0) / 2;
            r.setX(cx - halfW);
            r.setY(cy - halfH);
            r.setWidth(2 * halfW);
            r.setHeight(2 * halfH);
        }
        tab.setVisible(shown);
        tab.setMouseTransparent(!live);
        tab.setOpacity(live ? 1 : 0.6);
        if (shown) {
            tab.setText(Messages.get(controller.manualWindowProperty().get() ? "outpaint.window.manual" : "outpaint.window.auto"));
            tab.applyCss();
            tab.autosize();
            // Above the top-left corner, outside the window and clear of the canvas's top handle (5 px
            // over the picture's edge); inside the window when there is no room above.
            double ty = y0 - tab.getHeight() - 6;
            // Scrolled to the view's left edge when the window's corner is off screen.
            tab.relocate(Math.max(x0, Math.min(0, x1 - tab.getWidth())), ty >= 0 ? ty : y0 + 6);
        }
    }

    /** Whether the rectangle is on screen now (tests). */
    boolean windowVisible() {
        return dark.isVisible();
    }

    /** Whether the border band and tab take the mouse now (tests). */
    boolean windowInteractive() {
        return grips.get(Handle.RIGHT).isVisible() && !tab.isMouseTransparent();
    }

    /** The tab's text now (tests). */
    String tabText() {
        return tab.getText();
    }
}
