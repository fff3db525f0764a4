package app.vernissage.ui.editor;

import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.document.Document;
import app.vernissage.core.image.PixelImage;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless: canvas-edge handles extend the canvas; the context window moves and resets. */
@ExtendWith(ApplicationExtension.class)
class CanvasHandlesWindowTest {
    private EditorViewModel model;
    private EditorView view;

    @Start
    void start(Stage stage) {
        // Extensions run at once (the executor is the caller), results arrive through runLater.
        model = new EditorViewModel(Runnable::run, Platform::runLater, Path.of("no-models-here"));
        view = new EditorView(model, null);
        Scene scene = new Scene(view, 1280, 700);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void open(Document doc, FxRobot robot) {
        robot.interact(() -> model.setDocument(doc));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D centre(Node node) {
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    private Point2D screenPoint(double imageX, double imageY) {
        ViewTransform t = view.canvas().transformProperty().get();
        return view.canvas().localToScreen(t.viewX(imageX), t.viewY(imageY));
    }

    private Point2D scenePoint(double imageX, double imageY) {
        ViewTransform t = view.canvas().transformProperty().get();
        return view.canvas().localToScene(t.viewX(imageX), t.viewY(imageY));
    }

    /** A primary-button mouse event with Ctrl held at a scene point, fired on the canvas (through the scene). */
    private void ctrlMouse(EventType<MouseEvent> type, Point2D scene) {
        Point2D screen = view.getScene().getRoot().localToScreen(scene);
        Event.fireEvent(view.canvas(), new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                MouseButton.PRIMARY, 1, false, true, false, false, type != MouseEvent.MOUSE_RELEASED, false, false,
                false, false, false, null));
    }

    @Test
    void draggingTheRightHandleGrowsTheCanvasLikeTheDialog(FxRobot robot) {
        Document old = new Document(OutpaintControllerTest.gradient(64, 48), null);
        open(old, robot);
        assertEquals(1.0, view.canvas().transformProperty().get().scale(), "a small picture is shown at 100 %");
        Node handle = robot.lookup("#extend-handle-right").query();
        assertTrue(handle.isVisible());
        assertEquals(Cursor.E_RESIZE, handle.getCursor());
        CanvasEdgeHandles handles = robot.lookup("#canvas-handles").queryAs(CanvasEdgeHandles.class);

        Point2D from = centre(handle);
        robot.moveTo(from).press(MouseButton.PRIMARY);
        robot.moveTo(from.add(40, 0)).moveTo(from.add(98, 3));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(handles.ghostVisible(), "a ghost of the new canvas while dragging");
        assertTrue(handles.ghostText().startsWith("+96 px"), handles.ghostText());
        assertTrue(handles.ghostText().contains("160 x 48"), handles.ghostText());
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(handles.ghostVisible());

        Document grown = model.document();
        assertEquals(160, grown.width(), model.messageProperty().get());
        assertEquals(48, grown.height());
        assertEquals(255, grown.mask().valueAt(120, 10), "the new area is masked");
        assertEquals(0, grown.mask().valueAt(5, 10));
        assertEquals(List.of("Extend canvas"), model.historyNames());
        assertTrue(robot.lookup("#context-window").queryAs(ContextWindowOverlay.class).windowVisible());

        // The dialog with the same 96 px on the right gives the very same document.
        robot.interact(() -> view.canvas().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(old, model.document(), "one undo");
        robot.interact(() -> {
            ExtendCanvasDialog dialog = new ExtendCanvasDialog(null, model.outpaint(), model.document());
            dialog.right.getEditor().setText("96");
            assertTrue(dialog.apply());
        });
        WaitForAsyncUtils.waitForFxEvents();
        Document byDialog = model.document();
        assertNotEquals(old, byDialog);
        assertEquals(160, byDialog.width());
        assertArrayEquals(grown.image().argb(), byDialog.image().argb());
        assertArrayEquals(grown.mask().values(), byDialog.mask().values());
    }

    @Test
    void escapeCancelsAHandleDragAndShortDragsDoNothing(FxRobot robot) {
        Document doc = new Document(OutpaintControllerTest.gradient(64, 48), null);
        open(doc, robot);
        CanvasEdgeHandles handles = robot.lookup("#canvas-handles").queryAs(CanvasEdgeHandles.class);
        Point2D from = centre(robot.lookup("#extend-handle-top").query());
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(from.add(0, -60));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(handles.ghostVisible());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(handles.ghostVisible(), "Esc hides the ghost");
        robot.moveTo(from.add(0, -80)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(doc, model.document(), "nothing extended");

        Point2D left = centre(robot.lookup("#extend-handle-left").query());
        robot.moveTo(left).press(MouseButton.PRIMARY).moveTo(left.add(-2, 0)).release(MouseButton.PRIMARY);
        robot.moveTo(left).press(MouseButton.PRIMARY).moveTo(left.add(30, 0)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(doc, model.document(), "2 px, or inward, extends nothing");
        assertFalse(model.canUndoProperty().get());
    }

    @Test
    void theContextWindowIsDraggedByItsBorderResetByDoubleClickAndTheCanvasStillPaintsInside(FxRobot robot) {
        open(new Document(PixelImage.filled(400, 200, 0xFF506070), null), robot);
        robot.interact(() -> model.outpaint().paddingProperty().set(16));
        robot.interact(() -> assertTrue(model.outpaint().extend(0, 0, 64, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        ContextWindowOverlay overlay = robot.lookup("#context-window").queryAs(ContextWindowOverlay.class);
        assertTrue(overlay.windowVisible());
        assertTrue(overlay.windowInteractive());
        Rect automatic = model.outpaint().windowProperty().get();
        assertEquals("Context window", overlay.tabText());
        assertEquals(464, automatic.right());

        // Drag the left border 100 image pixels further left (100 % zoom): the window grows to the left.
        double scale = view.canvas().transformProperty().get().scale();
        Point2D border = screenPoint(automatic.x(), automatic.y() + automatic.height() / 2.0);
        robot.moveTo(border).press(MouseButton.PRIMARY).moveTo(border.add(-50 * scale, 0))
                .moveTo(border.add(-100 * scale, 0)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Rect manual = model.outpaint().windowProperty().get();
        assertTrue(model.outpaint().manualWindowProperty().get());
        assertEquals("Context window (yours)", overlay.tabText());
        assertEquals(464, manual.right(), "the right edge stays");
        assertTrue(manual.x() <= automatic.x() - 100 + 1 && manual.x() > automatic.x() - 100 - 64, manual.toString());

        // Painting inside the window, away from its border, still paints the mask.
        int x = manual.x() + 40;
        assertEquals(0, model.document().mask().valueAt(x, 100));
        robot.moveTo(screenPoint(x, 100)).press(MouseButton.PRIMARY).moveTo(screenPoint(x + 5, 100))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.document().mask().valueAt(x, 100) > 0, "the brush painted inside the window");
        assertEquals(manual, model.outpaint().windowProperty().get(), "and the window did not move");

        // Double-click on the tab: the automatic window again.
        robot.doubleClickOn("#context-window-tab");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.outpaint().manualWindowProperty().get());
        assertEquals("Context window", overlay.tabText());
        assertTrue(model.outpaint().windowProperty().get().contains(new Rect(x - 2, 98, 4, 4)),
                "the automatic window covers the new stroke too");
    }

    @Test
    void ctrlDragInsideMovesTheWindowWithoutPaintingAndStopsAtTheMask(FxRobot robot) {
        open(new Document(PixelImage.filled(400, 200, 0xFF506070), null), robot);
        robot.interact(() -> model.outpaint().paddingProperty().set(16));
        robot.interact(() -> assertTrue(model.outpaint().extend(0, 0, 64, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            model.applyMaskEdit(d -> app.vernissage.core.selection.MaskShapes.rectangle(d, d.bounds(),
                    app.vernissage.core.selection.SelectionMode.SUBTRACT));
            model.applyMaskEdit(d -> app.vernissage.core.selection.MaskShapes.rectangle(d,
                    new app.vernissage.core.document.PixelRect(200, 80, 20, 20), app.vernissage.core.selection.SelectionMode.ADD));
        });
        WaitForAsyncUtils.waitForFxEvents();
        // The mask + 16 px (52 x 52), grown to 64 x 64 about its centre.
        assertEquals(new Rect(178, 58, 64, 64), model.outpaint().windowProperty().get());

        double scale = view.canvas().transformProperty().get().scale();
        // The headless robot sends no modifier state with mouse events: the Ctrl+drag is fired directly.
        Point2D inside = scenePoint(190, 70);
        robot.interact(() -> {
            ctrlMouse(MouseEvent.MOUSE_PRESSED, inside);
            ctrlMouse(MouseEvent.MOUSE_DRAGGED, inside.add(15 * scale, 5 * scale));
            ctrlMouse(MouseEvent.MOUSE_DRAGGED, inside.add(30 * scale, 10 * scale));
            ctrlMouse(MouseEvent.MOUSE_RELEASED, inside.add(30 * scale, 10 * scale));
        });
        WaitForAsyncUtils.waitForFxEvents();
        // 30 px right is stopped at x = 200 (its left edge on the mask's), 10 px down arrives at 68.
        assertEquals(new Rect(200, 68, 64, 64), model.outpaint().windowProperty().get());
        assertTrue(model.outpaint().manualWindowProperty().get());
        assertEquals(0, model.document().mask().valueAt(190, 70), "the Ctrl+drag did not paint");
        assertEquals(0, model.document().mask().valueAt(205, 75));

        // Esc during a drag of the right border puts the window back.
        Point2D border = screenPoint(264, 100);
        robot.moveTo(border).press(MouseButton.PRIMARY).moveTo(border.add(40 * scale, 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(new Rect(200, 68, 64, 64), model.outpaint().windowProperty().get(), "resized while dragging");
        robot.type(KeyCode.ESCAPE);
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Rect(200, 68, 64, 64), model.outpaint().windowProperty().get(), "Esc put it back");
    }

    @Test
    void overAHandleTheWheelStillZoomsAndTheMiddleButtonStillPans(FxRobot robot) {
        Document doc = new Document(OutpaintControllerTest.gradient(64, 48), null);
        open(doc, robot);
        Point2D at = centre(robot.lookup("#extend-handle-bottom").query());
        double scale = view.canvas().transformProperty().get().scale();
        robot.moveTo(at).scroll(2, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.canvas().transformProperty().get().scale() > scale, "zoomed in");

        at = centre(robot.lookup("#extend-handle-bottom").query());
        ViewTransform before = view.canvas().transformProperty().get();
        robot.moveTo(at).press(MouseButton.MIDDLE).moveTo(at.add(60, 40)).moveTo(at.add(120, 80)).release(MouseButton.MIDDLE);
        WaitForAsyncUtils.waitForFxEvents();
        ViewTransform after = view.canvas().transformProperty().get();
        assertEquals(before.offsetX() + 120, after.offsetX(), 1.5, "panned");
        assertEquals(before.offsetY() + 80, after.offsetY(), 1.5);
        assertSame(doc, model.document(), "and nothing was extended");
    }
}
