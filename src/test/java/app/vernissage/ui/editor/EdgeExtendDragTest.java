package app.vernissage.ui.editor;

import app.vernissage.core.canvas.Outsets;
import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dragging a canvas-edge handle, without a window: the amount, the ghost, and the extension it makes. */
class EdgeExtendDragTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @AutoClose
    static ViewModelFixture fixture;
    static UiQueue ui;
    static EditorViewModel vm;

    @BeforeAll
    static void start() {
        fixture = ViewModelFixture.unchecked(Path.of("no-models-here"));
        ui = fixture.ui();
        vm = fixture.vm();
    }

    @BeforeEach
    void defaults() {
        vm.outpaint().overlapProperty().set(16);
        vm.outpaint().paddingProperty().set(128);
        vm.outpaint().fillProperty().set(OutpaintController.Fill.BLUR);
    }

    private static Document picture() {
        Document doc = new Document(OutpaintControllerTest.gradient(64, 48), null);
        MaskOperations.fill(doc, new PixelRect(2, 2, 5, 5), 255);
        return doc;
    }

    private static void waitForExtension() {
        try {
            ui.runUntil(() -> !vm.outpaint().extendingProperty().get(), WAIT);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A drag of {@code dx}, {@code dy} view pixels from the handle of {@code side} at zoom {@code zoom}, released. */
    private static EdgeExtendDrag dragAndRelease(Outsets.Side side, double zoom, double dx, double dy) {
        Document doc = vm.document();
        ViewTransform t = new ViewTransform(zoom, 37, 21);
        double hx = t.viewX(side == Outsets.Side.LEFT ? 0 : side == Outsets.Side.RIGHT ? doc.width() : doc.width() / 2.0);
        double hy = t.viewY(side == Outsets.Side.TOP ? 0 : side == Outsets.Side.BOTTOM ? doc.height() : doc.height() / 2.0);
        EdgeExtendDrag drag = new EdgeExtendDrag(side, hx, hy, t, doc.width(), doc.height());
        drag.moveTo(hx + dx / 2, hy + dy / 2);
        drag.moveTo(hx + dx, hy + dy);
        if (drag.release(vm.outpaint())) {
            waitForExtension();
        }
        return drag;
    }

    @Test
    void theAmountIsViewTravelOverZoomRoundedToEightOutwardOnly() {
        assertEquals(200, EdgeExtendDrag.amount(Outsets.Side.RIGHT, 101, 7, 0.5), "101 / 0.5 = 202 -> 200");
        assertEquals(32, EdgeExtendDrag.amount(Outsets.Side.LEFT, -64, 0, 2), "-64 view px at 200 % = 32 px on the left");
        assertEquals(256, EdgeExtendDrag.amount(Outsets.Side.TOP, 0, -64, 0.25));
        assertEquals(48, EdgeExtendDrag.amount(Outsets.Side.BOTTOM, 3, 50, 1), "50 -> 48");
        assertEquals(0, EdgeExtendDrag.amount(Outsets.Side.RIGHT, -80, 0, 1), "inward adds nothing");
        assertEquals(0, EdgeExtendDrag.amount(Outsets.Side.RIGHT, 3, 0, 0.1), "3 view px is a click, even at 10 %");
        assertEquals(0, EdgeExtendDrag.amount(Outsets.Side.RIGHT, 12, 0, 4), "3 image px round to nothing");
        assertEquals(0, EdgeExtendDrag.amount(Outsets.Side.TOP, 0, 40, 1), "downwards on the top handle is inward");
    }

    @Test
    void draggingTheRightHandleExtendsExactlyAsTheDialogDoesAndOneUndoRestores() {
        Document old = picture();
        vm.setDocument(old);
        int[] oldPixels = old.image().argb().clone();
        byte[] oldMask = old.mask().values().clone();

        EdgeExtendDrag drag = dragAndRelease(Outsets.Side.RIGHT, 0.5, 101, 4);
        assertEquals(200, drag.amount());
        Document grown = vm.document();
        assertEquals(264, grown.width(), vm.messageProperty().get());
        assertEquals(48, grown.height());
        assertEquals(List.of("Extend canvas"), vm.historyNames(), "one undoable edit");
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 264; x++) {
                int m = grown.mask().valueAt(x, y);
                if (x >= 64) {
                    assertEquals(255, m, "new area masked at " + x + "," + y);
                } else if (x >= 64 - 16) {
                    assertTrue(m > 0 && m < 255, "band ramps at " + x + "," + y + ": " + m);
                    assertEquals(oldPixels[y * 64 + x], grown.image().argb()[y * 264 + x], "band keeps old pixels");
                } else {
                    assertEquals(0, m, "old picture not masked at " + x + "," + y);
                    assertEquals(oldPixels[y * 64 + x], grown.image().argb()[y * 264 + x], "old pixel at " + x + "," + y);
                }
            }
        }

        vm.undo();
        assertSame(old, vm.document(), "one undo shows the old document");
        assertArrayEquals(oldPixels, vm.document().image().argb());
        assertArrayEquals(oldMask, vm.document().mask().values());

        // What "Extend canvas..." does with 200 px on the right (it calls the same extend) on the same picture.
        vm.setDocument(picture());
        assertTrue(vm.outpaint().extend(0, 0, 200, 0));
        waitForExtension();
        Document byDialog = vm.document();
        assertEquals(grown.width(), byDialog.width());
        assertEquals(grown.height(), byDialog.height());
        assertArrayEquals(byDialog.image().argb(), grown.image().argb(), "same pixels (pre-fill included)");
        assertArrayEquals(byDialog.mask().values(), grown.mask().values(), "same mask");
    }

    @Test
    void eachSideGrowsOnItsOwnSide() {
        vm.setDocument(picture());
        dragAndRelease(Outsets.Side.LEFT, 2, -64, 0);
        assertEquals(96, vm.document().width(), vm.messageProperty().get());
        assertEquals(OutpaintControllerTest.gradient(64, 48).argb()[0], vm.document().image().argb()[32],
                "the old top-left pixel moved 32 px right");
        dragAndRelease(Outsets.Side.TOP, 1, 0, -40);
        assertEquals(88, vm.document().height());
        dragAndRelease(Outsets.Side.BOTTOM, 0.25, 0, 4);
        assertEquals(104, vm.document().height(), "4 view px at 25 % = 16 image px");
        assertEquals(3, vm.historyNames().size());
    }

    @Test
    void theGhostShowsTheNewCanvas() {
        ViewTransform t = new ViewTransform(1, 0, 0);
        EdgeExtendDrag left = new EdgeExtendDrag(Outsets.Side.LEFT, 0, 24, t, 64, 48);
        assertEquals(0, left.amount());
        left.moveTo(-30, 24);
        assertEquals(32, left.amount());
        assertEquals(new Rect(-32, 0, 96, 48), left.ghost());
        EdgeExtendDrag bottom = new EdgeExtendDrag(Outsets.Side.BOTTOM, 32, 48, t, 64, 48);
        bottom.moveTo(32, 48 + 100);
        assertEquals(new Rect(0, 0, 64, 152), bottom.ghost());
    }

    @Test
    void tooShortOrInwardDragsDoNothing() {
        Document doc = picture();
        vm.setDocument(doc);
        assertFalse(dragAndRelease(Outsets.Side.RIGHT, 1, 3, 0).release(vm.outpaint()), "3 view px");
        assertFalse(dragAndRelease(Outsets.Side.RIGHT, 8, 20, 0).release(vm.outpaint()), "2.5 image px");
        assertFalse(dragAndRelease(Outsets.Side.LEFT, 1, 200, 0).release(vm.outpaint()), "inward");
        assertSame(doc, vm.document());
        assertEquals(64, doc.width());
        assertFalse(vm.canUndoProperty().get(), "nothing recorded");
    }

    @Test
    void overThePixelLimitIsRefusedWithTheDialogsMessage() {
        // 64 x 8192 grown by 8496 px to the right would be 8560 x 8192, over 8192 x 8192.
        Document doc = new Document(PixelImage.filled(64, 8192, 0xFF336699), null);
        vm.setDocument(doc);
        assertFalse(vm.outpaint().extend(0, 0, 8496, 0));
        String dialogMessage = vm.messageProperty().get();
        assertTrue(dialogMessage.startsWith("Cannot extend"), dialogMessage);
        assertTrue(dialogMessage.contains("megapixels"), dialogMessage);
        assertFalse(vm.outpaint().extend(-5, 0, 0, 0));
        assertTrue(vm.messageProperty().get().contains("negative"), "another message in between");

        EdgeExtendDrag drag = dragAndRelease(Outsets.Side.RIGHT, ViewTransform.MIN_SCALE, 169.92, 0);
        assertEquals(8496, drag.amount());
        assertFalse(drag.release(vm.outpaint()));
        assertEquals(dialogMessage, vm.messageProperty().get(), "the same refusal as the dialog");
        assertSame(doc, vm.document());
        assertFalse(vm.canUndoProperty().get());
    }
}
