package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.PixelImage;
import app.vernissage.engine.synthetic.SyntheticModelSet;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless: a two-variant run, clicking a thumbnail shows it, Accept applies it. */
@ExtendWith(ApplicationExtension.class)
class VariantsWindowTest {
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
        window.start(stage, models, 1000, 760);
        model = window.model();
        view = window.view();
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void newCanvasFromTheEmptyCanvasGivesAFullyMaskedGreyPicture(FxRobot robot) {
        robot.clickOn("#emptyNewCanvas");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Document doc = model.document();
        assertEquals(1024, doc.width());
        assertEquals(1024, doc.height());
        assertEquals(EditorViewModel.CANVAS_GREY, doc.image().argb()[512 * 1024 + 512]);
        assertEquals(255, doc.mask().valueAt(0, 0));
        assertEquals(255, doc.mask().valueAt(1023, 1023));
        assertFalse(robot.lookup("#emptyHint").query().isVisible());
    }

    @Test
    void clickingAThumbnailShowsItAndAcceptAppliesIt(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#emptyHint").query().isVisible(), "the empty canvas says what to do");
        int[] px = new int[160 * 120];
        java.util.Arrays.fill(px, 0xFF336699);
        Document doc = new Document(new PixelImage(160, 120, px, false), null);
        MaskOperations.fill(doc, new PixelRect(40, 30, 64, 48), 255);
        int[] original = doc.image().argb().clone();
        robot.interact(() -> {
            model.setDocument(doc);
            model.stepsProperty().set(4);
            model.randomSeedProperty().set(false);
            model.seedProperty().set(21);
            model.variantCountProperty().set(2);
        });
        assertFalse(robot.lookup("#emptyHint").query().isVisible());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.modelSetStateProperty().get() == ModelSetState.READY);
        robot.clickOn("#generate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.runningProperty().get() && model.variants().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#variant-1");
        WaitForAsyncUtils.waitForFxEvents();
        Variant second = model.variants().get(1);
        assertEquals(22, second.seed());
        assertSame(second, model.shownVariantProperty().get());
        assertTrue(view.canvas().previewVisible(), "the variant is shown on the canvas");
        assertArrayEquals(original, doc.image().argb(), "showing it does not change the document");

        robot.clickOn("#acceptVariant");
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(second.image().argb(), doc.image().argb());
        assertFalse(view.canvas().previewVisible());
        int[] drawn = new int[1];
        robot.interact(() -> drawn[0] = view.canvas().drawnImage().getPixelReader().getArgb(70, 50));
        assertEquals(doc.image().argb()[50 * 160 + 70], drawn[0], "the canvas shows the accepted picture");
        assertTrue(model.canUndoProperty().get());

        robot.clickOn("#useSeed");
        robot.clickOn("#variant-0").clickOn("#useSeed");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(21, model.seedProperty().get());
        assertEquals("21", robot.lookup("#seed").queryTextInputControl().getText());
    }
}
