package app.vernissage.ui.editor;

import app.vernissage.core.canvas.Regions.Rect;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The context window of the next generation drawn over the canvas as a dashed rectangle (after an
 * extension, while the mask is not empty). It lies on top of the {@link CanvasView} in the same
 * place and follows its zoom and pan; mouse events pass through.
 */
final class ContextWindowOverlay extends Pane {
    private final Rectangle light = new Rectangle();
    private final Rectangle dark = new Rectangle();
    private final OutpaintController controller;
    private final CanvasView canvas;

    ContextWindowOverlay(OutpaintController controller, CanvasView canvas) {
        this.controller = controller;
        this.canvas = canvas;
        setMouseTransparent(true);
        setPickOnBounds(false);
        setId("context-window");
        for (Rectangle r : new Rectangle[]{light, dark}) {
            r.setFill(null);
            r.setManaged(false);
            r.setStrokeWidth(1.5);
            r.setVisible(false);
        }
        light.setStroke(Color.WHITE);
        dark.setStroke(Color.rgb(255, 140, 0));
        dark.getStrokeDashArray().setAll(8.0, 6.0);
        dark.setId("context-window-rect");
        getChildren().addAll(light, dark);
        controller.windowProperty().addListener((obs, o, w) -> update());
        canvas.transformProperty().addListener((obs, o, t) -> update());
        update();
    }

    private void update() {
        Rect w = controller.windowProperty().get();
        ViewTransform t = canvas.transformProperty().get();
        for (Rectangle r : new Rectangle[]{light, dark}) {
            r.setVisible(w != null);
            if (w != null) {
                r.setX(t.viewX(w.x()));
                r.setY(t.viewY(w.y()));
                r.setWidth(w.width() * t.scale());
                r.setHeight(w.height() * t.scale());
            }
        }
    }

    /** Whether the rectangle is on screen now (tests). */
    boolean windowVisible() {
        return dark.isVisible();
    }
}
