package app.vernissage.ui;

import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.project.GenerationRecord;
import app.vernissage.core.project.KeptVariant;
import app.vernissage.core.project.Project;
import app.vernissage.core.project.ProjectFile;
import app.vernissage.ui.editor.EditorViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vernissage edit FILE.vernissage} without a command line or window: Main hands the arguments
 * after "edit" to the editor, whose argument parsing yields the file, which EditorApp passes to the
 * same open path as the Open dialog (EditorView.openFile -> EditorViewModel.open).
 */
class EditProjectArgumentTest {
    @TempDir
    Path dir;

    private static Project sample() {
        int[] px = new int[24 * 16];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF000000 | (i * 977);
        }
        GenerationRecord r = new GenerationRecord("sky", "", 5, 10, 4f, 1f, "reference", "Demo", "2026-01-01T00:00:00Z");
        return new Project(new PixelImage(24, 16, px, false), Mask.rectangle(24, 16, 2, 2, 9, 9), List.of(r),
                List.of(new KeptVariant(PixelImage.filled(24, 16, 0xFF112233), r)));
    }

    private static EditorViewModel openThroughEditArguments(Path dir, String... editArgs) {
        ScreenshotScript script = ScreenshotScript.parse(List.of(editArgs));
        EditorViewModel vm = new EditorViewModel(Runnable::run, Runnable::run, dir.resolve("none"));
        assertTrue(vm.open(script.file().orElseThrow()));
        return vm;
    }

    @Test
    void aProjectNamedOnTheEditCommandLineOpensAsAProject() throws IOException {
        Project p = sample();
        Path file = dir.resolve("work.vernissage");
        ProjectFile.write(p, file);
        EditorViewModel vm = openThroughEditArguments(dir, file.toString());
        assertNotNull(vm.document(), vm.messageProperty().get());
        assertArrayEquals(p.image().argb(), vm.document().image().argb());
        assertArrayEquals(p.mask().values(), vm.document().mask().values());
        assertEquals(p.generations(), List.copyOf(vm.generations()));
        assertEquals(1, vm.variants().size());
        assertEquals(file, vm.projectFileProperty().get());
    }

    @Test
    void aProjectWithAnotherNameIsKnownByItsZipSignature() throws IOException {
        Project p = sample();
        Path file = dir.resolve("renamed.bin");
        ProjectFile.write(p, file);
        assertTrue(ProjectFile.isProject(file));
        EditorViewModel vm = openThroughEditArguments(dir, "--startup-report", dir.resolve("s.txt").toString(),
                file.toString());
        assertNotNull(vm.document(), vm.messageProperty().get());
        assertEquals(file, vm.projectFileProperty().get());
        assertTrue(Files.exists(file));
        assertEquals(List.of(), StartupReport.parse(List.of("x.png")).stream().toList());
        assertEquals(dir.resolve("s.txt"), StartupReport.parse(List.of("--startup-report", dir.resolve("s.txt").toString()))
                .orElseThrow());
    }
}
