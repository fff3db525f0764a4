package app.vernissage.ui.editor;

import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.document.Document;
import app.vernissage.ui.Messages;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Handles at the middle of the picture's four edges, over the {@link CanvasView} in the same place
 * (following its zoom and pan). Dragging one outward shows the new canvas as a dashed ghost with
 * "+N px" and, on release, extends that side by N image pixels exactly as "Extend canvas..." does
 * ({@link EdgeExtendDrag}). Esc during the drag cancels it. Shown while a picture is open and no
 * generation or extension runs; only the handles themselves take the mouse.
 */
final class CanvasEdgeHandles extends Pane {
    private static final double LONG = 28;
    private static final double SHORT = 10;

    private final EditorViewModel model;
    private final CanvasView canvas;
    private final Map<Outsets.Side, Rectangle> handles = new EnumMap<>(Outsets.Side.class);
    private final Rectangle added = new Rectangle();
    private final Rectangle ghost = new Rectangle();
    private final Label label = new Label();
    private EdgeExtendDrag drag;

    CanvasEdgeHandles(EditorViewModel model, CanvasView canvas) {
        this.model = model;
        this.canvas = canvas;
        setId("canvas-handles");
        setPickOnBounds(false);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        added.setFill(Color.rgb(255, 140, 0, 0.25));
        ghost.setFill(null);
        ghost.setStroke(Color.rgb(255, 140, 0));
        ghost.setStrokeWidth(1.5);
        ghost.getStrokeDashArray().setAll(6.0, 4.0);
        ghost.setId("extend-ghost");
        label.setId("extend-ghost-label");
        label.setStyle("-fx-background-color: rgba(30,30,30,0.85); -fx-text-fill: white; -fx-padding: 2 6 2 6;"
                + " -fx-background-radius: 3;");
        for (javafx.scene.Node n : new javafx.scene.Node[]{added, ghost, label}) {
            n.setManaged(false);
            n.setMouseTransparent(true);
            n.setVisible(false);
        }
        getChildren().addAll(added, ghost);
        Tooltip tip = new Tooltip(Messages.get("outpaint.handleTooltip"));
        for (Outsets.Side side : Outsets.Side.values()) {
            Rectangle h = new Rectangle();
            h.setId("extend-handle-" + side.name().toLowerCase(Locale.ROOT));
            h.setManaged(false);
            h.setFill(Color.WHITE);
            h.setStroke(Color.rgb(40, 40, 40));
            h.setStrokeWidth(1);
            h.setArcWidth(4);
            h.setArcHeight(4);
            h.setCursor(switch (side) {
                case LEFT -> Cursor.W_RESIZE;
                case RIGHT -> Cursor.E_RESIZE;
                case TOP -> Cursor.N_RESIZE;
                case BOTTOM -> Cursor.S_RESIZE;
            });
            Tooltip.install(h, tip);
            PassToCanvas.install(h, canvas);
            h.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressed(side, e));
            h.addEventHandler(MouseEvent.MOUSE_DRAGGED, MouseEvent::consume);
            h.addEventHandler(MouseEvent.MOUSE_RELEASED, MouseEvent::consume);
            handles.put(side, h);
            getChildren().add(h);
        }
        getChildren().add(label);

        canvas.transformProperty().addListener((obs, o, t) -> update());
        model.documentProperty().addListener((obs, o, d) -> update());
        model.addChangeListener(change -> {
            if (change.replaced()) {
                update();
            }
        });
        model.runningProperty().addListener((obs, o, v) -> update());
        model.outpaint().extendingProperty().addListener((obs, o, v) -> update());
        widthProperty().addListener((obs, o, v) -> update());
        heightProperty().addListener((obs, o, v) -> update());
        SceneDragFollower.install(this, () -> drag != null, this::dragged, this::released, this::keyPressed);
        update();
    }

    private boolean active() {
        return model.document() != null && !model.runningProperty().get() && !model.outpaint().extendingProperty().get();
    }

    /** Places the handles at the middle of the visible part of each edge, and the ghost while dragging. */
    private void update() {
        Document doc = model.document();
        boolean active = active();
        if (!active && drag != null) {
            cancel();
        }
        ViewTransform t = canvas.transformProperty().get();
        for (Map.Entry<Outsets.Side, Rectangle> entry : handles.entrySet()) {
            Rectangle h = entry.getValue();
            h.setVisible(active);
            if (!active) {
                continue;
            }
            Outsets.Side side = entry.getKey();
            boolean vertical = side == Outsets.Side.LEFT || side == Outsets.Side.RIGHT;
            // The dragged handle rides on the ghost's edge.
            int grow = drag != null && drag.side() == side ? drag.amount() : 0;
            double x0 = t.viewX(side == Outsets.Side.LEFT ? -grow : 0);
            double y0 = t.viewY(side == Outsets.Side.TOP ? -grow : 0);
            double x1 = t.viewX(doc.width() + (side == Outsets.Side.RIGHT ? grow : 0));
            double y1 = t.viewY(doc.height() + (side == Outsets.Side.BOTTOM ? grow : 0));
            double cx;
            double cy;
            if (vertical) {
                cx = side == Outsets.Side.LEFT ? x0 : x1;
                double from = Math.max(0, y0);
                double to = Math.min(getHeight(), y1);
                cy = (from + to) / 2;
                h.setVisible(to > from || getHeight() == 0);
            } else {
                cy = side == Outsets.Side.TOP ? y0 : y1;
                double from = Math.max(0, x0);
                double to = Math.min(getWidth(), x1);
                cx = (from + to) / 2;
                h.setVisible(to > from || getWidth() == 0);
            }
            double w = vertical ? SHORT : LONG;
            double hh = vertical ? LONG : SHORT;
            h.setX(cx - w / 2);
            h.setY(cy - hh / 2);
            h.setWidth(w);
            h.setHeight(hh);
        }
        updateGhost();
    }

    private void updateGhost() {
        boolean show = drag != null && drag.amount() > 0;
        added.setVisible(show);
        ghost.setVisible(show);
        label.setVisible(show);
        if (!show) {
            return;
        }
        ViewTransform t = canvas.transformProperty().get();
        Rect g = drag.ghost();
        ghost.setX(t.viewX(g.x()));
        ghost.setY(t.viewY(g.y()));
        ghost.setWidth(g.width() * t.scale());
        ghost.setHeight(g.height() * t.scale());
        Document doc = model.document();
        double ax = switch (drag.side()) {
            case LEFT -> g.x();
            case RIGHT -> doc.width();
            default -> 0;
        };
        double ay = switch (drag.side()) {
            case TOP -> g.y();
            case BOTTOM -> doc.height();
            default -> 0;
        };
        boolean vertical = drag.side() == Outsets.Side.LEFT || drag.side() == Outsets.Side.RIGHT;
        added.setX(t.viewX(ax));
        added.setY(t.viewY(ay));
        added.setWidth((vertical ? drag.amount() : doc.width()) * t.scale());
        added.setHeight((vertical ? doc.height() : drag.amount()) * t.scale());
        label.setText(Messages.get("outpaint.dragAmount", Integer.toString(drag.amount()),
                Integer.toString(drag.newWidth()), Integer.toString(drag.newHeight())));
        label.applyCss();
        label.autosize();
        // Next to the dragged edge's new position, kept inside the view.
        Rectangle h = handles.get(drag.side());
        double lx = switch (drag.side()) {
            case LEFT -> h.getX() + h.getWidth() + 6;
            case RIGHT -> h.getX() - label.getWidth() - 6;
            default -> h.getX() + h.getWidth() + 6;
        };
        double ly = switch (drag.side()) {
            case TOP -> h.getY() + h.getHeight() + 6;
            case BOTTOM -> h.getY() - label.getHeight() - 6;
            default -> h.getY() + (h.getHeight() - label.getHeight()) / 2;
        };
        label.relocate(Math.clamp(lx, 0, Math.max(0, getWidth() - label.getWidth())),
                Math.clamp(ly, 0, Math.max(0, getHeight() - label.getHeight())));
    }

    private Point2D local(MouseEvent e) {
        return canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
    }

    private void pressed(Outsets.Side side, MouseEvent e) {
        e.consume();
        Document doc = model.document();
        if (e.getButton() != MouseButton.PRIMARY || !active()) {
            return;
        }
        Point2D p = local(e);
        drag = new EdgeExtendDrag(side, p.getX(), p.getY(), canvas.transformProperty().get(), doc.width(), doc.height());
        updateGhost();
    }

    private void dragged(MouseEvent e) {
        e.consume();
        if (drag != null) {
            Point2D p = local(e);
            drag.moveTo(p.getX(), p.getY());
            update();
        }
    }

    private void released(MouseEvent e) {
        e.consume();
        EdgeExtendDrag d = drag;
        if (d == null) {
            return;
        }
        Point2D p = local(e);
        d.moveTo(p.getX(), p.getY());
        cancel();
        d.release(model.outpaint());
    }

    private void cancel() {
        drag = null;
        update();
    }

    private void keyPressed(KeyEvent e) {
        if (drag != null && e.getCode() == KeyCode.ESCAPE) {
            cancel();
            e.consume();
        }
    }

    /** Whether a drag is showing its ghost now (tests). */
    boolean ghostVisible() {
        return ghost.isVisible();
    }

    /** The ghost's label now (tests). */
    String ghostText() {
        return label.getText();
    }
}
