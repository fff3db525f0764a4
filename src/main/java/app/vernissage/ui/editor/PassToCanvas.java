package app.vernissage.ui.editor;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Lets the small controls that overlays put on the canvas (edge handles, the context window's
 * border and tab) pass on what they do not use to the {@link CanvasView} under them: the wheel
 * (zoom), presses of other buttons than the left one (middle-button pan, right-button erase) and
 * a left drag while Space is held (pan), from press to release.
 */
final class PassToCanvas {
    private final CanvasView canvas;
    private boolean passing;

    private PassToCanvas(CanvasView canvas) {
        this.canvas = canvas;
    }

    /** Installs the pass-through on {@code control} (event filters, so they run before its own handlers). */
    static void install(Node control, CanvasView canvas) {
        PassToCanvas pass = new PassToCanvas(canvas);
        control.addEventFilter(ScrollEvent.SCROLL, e -> {
            Event.fireEvent(canvas, e.copyFor(canvas, canvas));
            e.consume();
        });
        control.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            // Decided afresh at every press (a release may have gone elsewhere).
            pass.passing = e.getButton() != MouseButton.PRIMARY || canvas.isSpaceHeld();
            if (pass.passing) {
                pass.forward(e);
            }
        });
        control.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (pass.passing) {
                pass.forward(e);
            }
        });
        control.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (pass.passing) {
                pass.passing = false;
                pass.forward(e);
            }
        });
    }

    private void forward(MouseEvent e) {
        Event.fireEvent(canvas, e.copyFor(canvas, canvas));
        e.consume();
    }
}
