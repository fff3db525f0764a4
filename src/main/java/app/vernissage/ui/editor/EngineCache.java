package app.vernissage.ui.editor;

import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.runtime.DevicePreference;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.engine.runtime.ExecutionDevice;
import app.vernissage.engine.runtime.OrtRuntime;
import app.vernissage.ui.models.PlacementSettings;

/**
 * Keeps one open engine between runs (loading the sessions is the slow part); a different set,
 * placement or memory mode opens a new one. Used only from the background executor, one run at a time.
 */
final class EngineCache implements AutoCloseable {
    /** Opens an engine; a seam so tests can simulate a device running out of memory. */
    @FunctionalInterface
    interface Opener {
        InpaintEngine open(ModelSet set, PlacementSettings settings) throws EngineException;
    }

    private InpaintEngine engine;
    private PlacementSettings settings;
    private volatile Opener opener = (set, wanted) -> InpaintEngine.open(set, wanted.preset().on(device()), wanted.mode());

    void openWith(Opener opener) {
        this.opener = opener;
    }

    synchronized InpaintEngine engineFor(ModelSet set) throws EngineException {
        return engineFor(set, PlacementSettings.DEFAULT);
    }

    synchronized InpaintEngine engineFor(ModelSet set, PlacementSettings wanted) throws EngineException {
        if (engine != null && engine.modelSet().dir().equals(set.dir()) && wanted.equals(settings)) {
            return engine;
        }
        close();
        engine = opener.open(set, wanted);
        settings = wanted;
        return engine;
    }

    static ExecutionDevice device() throws EngineException {
        return OrtRuntime.device(DevicePreference.AUTO, 0);
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
            settings = null;
        }
    }
}
