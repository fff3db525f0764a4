package app.vernissage.engine.testing;

import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.modelset.ModelSetException;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.runtime.DevicePreference;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.engine.runtime.ExecutionDevice;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.OrtRuntime;
import app.vernissage.engine.synthetic.SyntheticModelSet;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Generated model sets and engines for tests. They run on CPU, so tests behave the same everywhere;
 * {@code -Dvernissage.test.device=cuda} runs the engine tests on CUDA instead (done by hand on a GPU
 * machine, see docs/cuda.md), with the same predictions and tolerances.
 */
public final class TestSets {
    public static final ExecutionDevice CPU = new ExecutionDevice(false, 0, "running on CPU (tests)");
    private static volatile ExecutionDevice device;

    private TestSets() {
    }

    /** The device the engine tests run on: CPU unless {@code vernissage.test.device} says cuda. */
    public static ExecutionDevice device() {
        ExecutionDevice d = device;
        if (d == null) {
            String asked = System.getProperty("vernissage.test.device", "cpu");
            try {
                d = asked.equalsIgnoreCase("cpu") ? CPU : OrtRuntime.device(DevicePreference.parse(asked), 0);
            } catch (EngineException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            device = d;
        }
        return d;
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
            return InpaintEngine.open(open(dir), device(), mode);
        } catch (EngineException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
