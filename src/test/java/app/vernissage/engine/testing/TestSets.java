package app.vernissage.engine.testing;

import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.modelset.ModelSetException;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.engine.runtime.ExecutionDevice;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.synthetic.SyntheticModelSet;

import java.io.IOException;
import java.nio.file.Path;

/** Generated model sets and engines for tests (always on CPU, so tests behave the same everywhere). */
public final class TestSets {
    public static final ExecutionDevice CPU = new ExecutionDevice(false, 0, "running on CPU (tests)");

    private TestSets() {
    }

    public static SyntheticModelSet write(Path dir, SyntheticModelSet.Options options) {
        try {
            return SyntheticModelSet.write(dir, options);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ModelSet open(Path dir) {
        try {
            return ModelSetValidator.open(dir);
        } catch (ModelSetException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static InpaintEngine engine(Path dir, MemoryMode mode) {
        try {
            return InpaintEngine.open(open(dir), CPU, mode);
        } catch (EngineException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
