package app.vernissage.ui.editor;

import app.vernissage.engine.synthetic.SyntheticModelSet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The editor's view-model without a window: its own background thread, and a {@link UiQueue} that the test
 * thread runs in place of the FX thread. {@link #close()} closes the view-model and stops the thread.
 */
record ViewModelFixture(ExecutorService background, UiQueue ui, EditorViewModel vm) implements AutoCloseable {

    /** A view-model on {@code modelSetDir} (which need not exist); its model set is not checked yet. */
    static ViewModelFixture unchecked(Path modelSetDir) {
        return create(modelSetDir, null);
    }

    /** Writes the generated demo model set to {@code models}, lets the view-model check it and asserts it is ready. */
    static ViewModelFixture withDemoSet(Path models, Duration wait) throws Exception {
        return withDemoSet(models, null, wait);
    }

    /** As {@link #withDemoSet(Path, Duration)}, with a view-model that keeps its settings in {@code prefs}. */
    static ViewModelFixture withDemoSet(Path models, Preferences prefs, Duration wait) throws Exception {
        SyntheticModelSet.write(models, SyntheticModelSet.Options.demo());
        ViewModelFixture fixture = create(models, prefs);
        try {
            fixture.checkModelSet(wait);
            fixture.assertReady();
        } catch (Throwable e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    private static ViewModelFixture create(Path modelSetDir, Preferences prefs) {
        ExecutorService background = Executors.newSingleThreadExecutor();
        UiQueue ui = new UiQueue();
        return new ViewModelFixture(background, ui, new EditorViewModel(background, ui, modelSetDir, prefs));
    }

    /** Starts a model set check and runs the UI queue until it is over; the state it ended in. */
    ModelSetState checkModelSet(Duration wait) throws InterruptedException {
        vm.refreshModelSet();
        ui.runUntil(() -> vm.modelSetStateProperty().get() != ModelSetState.CHECKING, wait);
        return vm.modelSetStateProperty().get();
    }

    /** Fails, with the model set's text as the message, unless the model set is ready. */
    void assertReady() {
        assertEquals(ModelSetState.READY, vm.modelSetStateProperty().get(), vm.modelSetTextProperty().get());
    }

    @Override
    public void close() {
        vm.close();
        background.shutdown();
    }
}
