package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.selection.MaskMorphology;
import app.vernissage.core.selection.MaskShapes;
import app.vernissage.core.selection.SelectionMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canvas tools' view-model part without a window: mask edits, the history list and jumps. */
class CanvasToolsViewModelTest {
    @Test
    void historyListJumpsBackAndForward(@TempDir Path dir) {
        EditorViewModel vm = new EditorViewModel(Runnable::run, Runnable::run, dir.resolve("none"));
        vm.setDocument(new Document(PixelImage.filled(40, 30, 0xFF404040), null));
        List<DocumentChange> changes = new ArrayList<>();
        vm.addChangeListener(changes::add);
        int revision = vm.historyRevisionProperty().get();
        assertTrue(vm.applyMaskEdit(d -> MaskShapes.rectangle(d, new PixelRect(2, 2, 10, 10), SelectionMode.ADD)));
        assertTrue(vm.applyMaskEdit(d -> MaskMorphology.grow(d, 2)));
        assertTrue(vm.applyMaskEdit(d -> MaskShapes.polygon(d, new double[]{20, 38, 30}, new double[]{2, 2, 28},
                SelectionMode.ADD)));
        assertFalse(vm.applyMaskEdit(d -> MaskMorphology.grow(d, 0)), "no change, no history entry");
        assertTrue(vm.historyRevisionProperty().get() > revision);
        assertEquals(List.of("Rectangle selection", "Grow mask", "Lasso selection"), vm.historyNames());
        assertEquals(3, vm.historyPosition());
        byte[] all = vm.document().mask().values().clone();

        changes.clear();
        vm.jumpToHistory(1);
        assertEquals(1, vm.historyPosition());
        Document doc = vm.document();
        assertEquals(255, doc.mask().valueAt(2, 2));
        assertEquals(0, doc.mask().valueAt(1, 5), "grow undone");
        assertEquals(0, doc.mask().valueAt(30, 5), "lasso undone");
        assertEquals(List.of("Rectangle selection", "Grow mask", "Lasso selection"), vm.historyNames(),
                "undone edits stay listed for redo");
        assertFalse(changes.isEmpty(), "the canvas is told what to repaint");
        assertTrue(vm.canRedoProperty().get());

        vm.jumpToHistory(0);
        assertTrue(doc.mask().isEmpty());
        assertFalse(vm.canUndoProperty().get());

        vm.jumpToHistory(3);
        assertEquals(3, vm.historyPosition());
        assertTrue(java.util.Arrays.equals(all, doc.mask().values()));
        assertFalse(vm.canRedoProperty().get());

        vm.jumpToHistory(1);
        vm.applyMaskEdit(d -> MaskMorphology.feather(d, 3));
        assertEquals(List.of("Rectangle selection", "Feather mask"), vm.historyNames(), "a new edit drops the redo steps");
    }

    @Test
    void pastedPictureIsANewDocument(@TempDir Path dir) {
        EditorViewModel vm = new EditorViewModel(Runnable::run, Runnable::run, dir.resolve("none"));
        vm.setDocument(new Document(PixelImage.filled(10, 10, 0xFF000000), null));
        vm.applyMaskEdit(d -> MaskShapes.rectangle(d, new PixelRect(0, 0, 4, 4), SelectionMode.ADD));
        assertTrue(vm.pasteImage(PixelImage.filled(7, 5, 0xFFFF0000)));
        assertEquals(7, vm.document().width());
        assertTrue(vm.document().file().isEmpty());
        assertEquals(0, vm.historyPosition());
        assertTrue(vm.historyNames().isEmpty());
    }

    @Test
    void slowMaskOperationsRunInTheBackgroundAndBlockPaintingMeanwhile(@TempDir Path dir) {
        java.util.List<Runnable> backgroundQueue = new java.util.ArrayList<>();
        EditorViewModel vm = new EditorViewModel(backgroundQueue::add, Runnable::run, dir.resolve("none"));
        backgroundQueue.clear();
        vm.setDocument(new Document(PixelImage.filled(20, 10, 0xFF000000), null));
        assertTrue(vm.applyMaskEdit(d -> MaskShapes.rectangle(d, new PixelRect(5, 3, 4, 4), SelectionMode.ADD)));
        backgroundQueue.clear();
        vm.applyMaskEditInBackground(d -> MaskMorphology.grow(d, 1));
        assertTrue(vm.maskBusyProperty().get(), "busy until the background work is done");
        assertEquals(1, backgroundQueue.size(), "the work went to the background executor");
        assertFalse(vm.applyMaskEdit(d -> MaskMorphology.grow(d, 1)), "no second mask edit meanwhile");
        backgroundQueue.removeFirst().run();
        assertFalse(vm.maskBusyProperty().get());
        assertEquals(2, vm.historyNames().size(), "the grow is one undoable edit");
    }
}
