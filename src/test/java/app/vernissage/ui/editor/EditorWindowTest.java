package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.synthetic.SyntheticModelSet;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless: painting with the mouse, undo by keyboard, generating and cancelling. */
@ExtendWith(ApplicationExtension.class)
class EditorWindowTest {
    @TempDir
    static Path models;
    private final EditorWindowFixture window = new EditorWindowFixture();
    private EditorViewModel model;
    private EditorView view;

    @BeforeAll
    static void writeDemoSet() throws IOException {
        SyntheticModelSet.write(models, SyntheticModelSet.Options.demo());
    }

    @Start
    void start(Stage stage) {
        window.start(stage, models, 1000, 700);
        model = window.model();
        view = window.view();
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private static PixelImage gradient(int w, int h) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = 0xFF000000 | ((x & 0xFF) << 16) | ((y & 0xFF) << 8) | 60;
            }
        }
        return new PixelImage(w, h, px, false);
    }

    private void open(Document doc, FxRobot robot) {
        robot.interact(() -> model.setDocument(doc));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screenPoint(double imageX, double imageY) {
        ViewTransform t = view.canvas().transformProperty().get();
        return view.canvas().localToScreen(t.viewX(imageX), t.viewY(imageY));
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    @Test
    void paintingWithTheMouseSetsTheMaskAndCtrlZClearsIt(FxRobot robot) {
        open(new Document(gradient(300, 200), null), robot);
        robot.interact(() -> {
            model.brushSizeProperty().set(12);
            model.brushHardnessProperty().set(1);
        });
        robot.moveTo(screenPoint(40, 100)).press(MouseButton.PRIMARY);
        robot.moveTo(screenPoint(150, 100)).moveTo(screenPoint(260, 100)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        Document doc = model.document();
        for (int x = 45; x <= 255; x += 5) {
            assertTrue(doc.mask().valueAt(x, 100) > 0, "no mask under the stroke at x=" + x);
        }
        assertEquals(0, doc.mask().valueAt(150, 150));
        assertEquals(0, doc.mask().valueAt(150, 30));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(doc.mask().isEmpty(), "Ctrl+Z left mask behind");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(doc.mask().valueAt(150, 100) > 0, "Ctrl+Shift+Z did not redo");

        robot.moveTo(screenPoint(120, 100)).press(MouseButton.SECONDARY);
        robot.moveTo(screenPoint(180, 100)).release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, doc.mask().valueAt(150, 100), "the right button erases");
        assertTrue(doc.mask().valueAt(60, 100) > 0);
    }

    @Test
    void bracketsResizeTheBrush(FxRobot robot) {
        open(new Document(gradient(100, 100), null), robot);
        int before = model.brushSizeProperty().get();
        robot.clickOn("#canvas").type(KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.brushSizeProperty().get() > before);
        robot.type(KeyCode.OPEN_BRACKET, 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.brushSizeProperty().get() < before);
    }

    @Test
    void generatingShowsPreviewsOnTheCanvasAndPutsTheResultInTheDocument(FxRobot robot) throws TimeoutException {
        Document doc = new Document(gradient(192, 128), null);
        MaskOperations.fill(doc, new PixelRect(60, 40, 64, 48), 255);
        int[] original = doc.image().argb().clone();
        open(doc, robot);
        waitFor(30, () -> model.modelSetStateProperty().get() == ModelSetState.READY);
        robot.interact(() -> {
            model.stepsProperty().set(12);
            model.randomSeedProperty().set(false);
            model.seedProperty().set(3);
        });
        robot.clickOn("#generate");
        waitFor(40, () -> !model.runningProperty().get() && model.usedSeedProperty().get().equals("3"));

        assertTrue(view.canvas().previewFrames() > 0, "no preview reached the canvas");
        assertTrue(view.canvas().previewVisible(), "the result is shown, not yet applied");
        assertArrayEquals(original, doc.image().argb());
        robot.clickOn("#acceptVariant");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.canvas().previewVisible());
        int inside = 80 * 192 + 90;
        assertNotEquals(original[inside], doc.image().argb()[inside], model.messageProperty().get());
        assertEquals(original[5 * 192 + 5], doc.image().argb()[5 * 192 + 5]);
        int[] drawn = new int[1];
        robot.interact(() -> drawn[0] = view.canvas().drawnImage().getPixelReader().getArgb(90, 80));
        assertEquals(doc.image().argb()[inside], drawn[0], "the canvas shows the result");
        assertTrue(model.canUndoProperty().get());
    }

    @Test
    void cancellingMidRunLeavesTheDocumentUnchanged(FxRobot robot) throws TimeoutException {
        Document doc = new Document(gradient(192, 128), null);
        MaskOperations.fill(doc, new PixelRect(20, 20, 100, 80), 255);
        int[] image = doc.image().argb().clone();
        byte[] mask = doc.mask().values().clone();
        open(doc, robot);
        waitFor(30, () -> model.modelSetStateProperty().get() == ModelSetState.READY);
        robot.interact(() -> model.stepsProperty().set(1000));
        robot.clickOn("#generate");
        waitFor(40, () -> view.canvas().previewFrames() > 0);
        assertTrue(model.runningProperty().get());
        robot.clickOn("#cancel");
        waitFor(20, () -> !model.runningProperty().get());

        assertArrayEquals(image, doc.image().argb());
        assertArrayEquals(mask, doc.mask().values());
        assertFalse(view.canvas().previewVisible());
        assertFalse(model.canUndoProperty().get());
    }
}
