package app.vernissage.ui.editor;

import app.vernissage.core.document.Document;
import app.vernissage.core.document.MaskOperations;
import app.vernissage.core.document.PixelRect;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.project.GenerationRecord;
import app.vernissage.core.project.RecoveryStore;
import app.vernissage.engine.pipeline.SamplerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real (demo) generation: variants carry their settings, Accept records them, and both survive a save. */
class ProjectGenerationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void generatedVariantsAndAcceptedGenerationsAreSavedWithTheirSettings(@TempDir Path dir) throws Exception {
        Path models = dir.resolve("models");
        try (ViewModelFixture fixture = ViewModelFixture.withDemoSet(models, WAIT)) {
            EditorViewModel vm = fixture.vm();
            UiQueue ui = fixture.ui();
            Document doc = new Document(PixelImage.filled(64, 64, 0xFF406080), null);
            MaskOperations.fill(doc, new PixelRect(16, 16, 32, 32), 255);
            vm.setDocument(doc);
            vm.promptProperty().set("a lighthouse");
            vm.negativeProperty().set("fog");
            vm.randomSeedProperty().set(false);
            vm.seedProperty().set(21);
            vm.stepsProperty().set(3);
            vm.guidanceProperty().set(5.5);
            vm.strengthProperty().set(1);
            vm.samplerProperty().set(SamplerKind.REFERENCE);
            vm.variantCountProperty().set(2);
            vm.generate();
            ui.runUntil(() -> !vm.runningProperty().get(), WAIT);
            assertEquals(2, vm.variants().size(), vm.messageProperty().get());
            GenerationRecord second = vm.variants().get(1).settings();
            assertEquals(22, second.seed());
            assertEquals("a lighthouse", second.prompt());
            assertEquals("fog", second.negative());
            assertEquals(3, second.steps());
            assertEquals(5.5f, second.guidance());
            assertEquals(1f, second.strength());
            assertEquals("reference", second.sampler());
            assertFalse(second.modelSet().isBlank());

            vm.show(vm.variants().get(1));
            assertTrue(vm.acceptShown());
            assertEquals(1, vm.generations().size());
            GenerationRecord accepted = vm.generations().getFirst();
            assertEquals(22, accepted.seed());
            assertFalse(accepted.acceptedAt().isBlank());

            ProjectController projects = new ProjectController(vm, Runnable::run, Runnable::run,
                    new RecoveryStore(dir.resolve("recovery")), Clock.systemUTC(), null);
            Path file = dir.resolve("lighthouse.vernissage");
            assertTrue(projects.saveAs(file));
            assertFalse(vm.hasUnsavedWork(), vm.messageProperty().get());

            EditorViewModel reopened = new EditorViewModel(Runnable::run, Runnable::run, models);
            assertTrue(reopened.open(file));
            assertEquals(List.of(accepted), List.copyOf(reopened.generations()));
            assertEquals(second, reopened.variants().get(1).settings());
            assertArrayEquals(doc.image().argb(), reopened.document().image().argb());
        }
    }
}
