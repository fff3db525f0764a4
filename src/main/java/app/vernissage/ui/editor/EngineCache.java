package app.vernissage.ui.editor;

import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.runtime.DevicePreference;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.engine.runtime.ExecutionDevice;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.OrtRuntime;

/**
 * Keeps one open engine between runs (loading the sessions is the slow part). Used only from the
 * background executor, one run at a time.
 */
final class EngineCache implements AutoCloseable {
    private InpaintEngine engine;

    synchronized InpaintEngine engineFor(ModelSet set) throws EngineException {
        if (engine != null && engine.modelSet().dir().equals(set.dir())) {
            return engine;
        }
        close();
        engine = InpaintEngine.open(set, device(), MemoryMode.KEEP_LOADED);
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
        }
    }
}
