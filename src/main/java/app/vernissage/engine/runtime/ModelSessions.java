package app.vernissage.engine.runtime;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import app.vernissage.engine.modelset.ElementType;
import app.vernissage.engine.modelset.ModelComponent;
import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.modelset.TensorSpec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX Runtime sessions of one model set. Sessions load lazily from the file path (so external
 * data resolves), on the decided device; in {@link MemoryMode#PER_STAGE} each is closed after its
 * stage. Inputs are bound by name and converted to each graph's declared element types (float16,
 * float timestep) at this boundary; outputs come back as float32 with their shape checked.
 * Not thread-safe: one run at a time.
 */
public final class ModelSessions implements AutoCloseable {
    private final ModelSet set;
    private final Placement placement;
    private final MemoryMode mode;
    private final SessionFactory factory;
    private final OrtEnvironment env = OrtRuntime.environment();
    private final Map<ModelComponent, OrtSession> sessions = new EnumMap<>(ModelComponent.class);
    private final Map<ModelComponent, long[]> callNanos = new EnumMap<>(ModelComponent.class);
    private final Map<String, ByteBuffer> buffers = new HashMap<>();

    /**
     * A cap on the GPU memory each CUDA session's arena may take, in MiB ({@code -Dvernissage.gpuMemoryLimitMb=N}),
     * for sharing the card with other programs; unset means no cap. docs/cuda.md used it to run out of
     * memory on purpose.
     */
    public static final String GPU_MEMORY_LIMIT_PROPERTY = "vernissage.gpuMemoryLimitMb";

    /** Creates one session; a seam so tests can simulate load failures such as running out of memory. */
    @FunctionalInterface
    interface SessionFactory {
        OrtSession create(OrtEnvironment env, String file, ExecutionDevice device, OrtSession.SessionOptions options)
                throws OrtException;

        /**
         * The real one: adds the CUDA provider for a CUDA device, then loads the file. TF32 is switched
         * off: ONNX Runtime enables it by default on Ampere and newer, which rounds fp32 convolutions
         * and matrix products to a 10-bit mantissa; the reference runs MoVQ in true fp32, and with
         * TF32 the oracle and MoVQ tests drifted by up to 3e-3 on an H100 (docs/cuda.md).
         */
        static OrtSession onnxRuntime(OrtEnvironment env, String file, ExecutionDevice device,
                                      OrtSession.SessionOptions options) throws OrtException {
            if (device.cuda()) {
                try (OrtCUDAProviderOptions cuda = new OrtCUDAProviderOptions(device.deviceId())) {
                    cuda.add("use_tf32", "0");
                    long limitMb = Long.getLong(GPU_MEMORY_LIMIT_PROPERTY, 0);
                    if (limitMb > 0) {
                        cuda.add("gpu_mem_limit", Long.toString(limitMb << 20));
                    }
                    options.addCUDA(cuda);
                }
            }
            return env.createSession(file, options);
        }
    }

    /** Every component on {@code device}. */
    public ModelSessions(ModelSet set, ExecutionDevice device, MemoryMode mode) {
        this(set, Placement.all(device), mode);
    }

    /** Each component on its device in {@code placement}. */
    public ModelSessions(ModelSet set, Placement placement, MemoryMode mode) {
        this(set, placement, mode, SessionFactory::onnxRuntime);
    }

    ModelSessions(ModelSet set, Placement placement, MemoryMode mode, SessionFactory factory) {
        this.set = set;
        this.placement = placement;
        this.mode = mode;
        this.factory = factory;
    }

    /** The U-Net's device (the one that does nearly all the work). */
    public ExecutionDevice device() {
        return placement.device(ModelComponent.UNET);
    }

    public Placement placement() {
        return placement;
    }

    public MemoryMode memoryMode() {
        return mode;
    }

    public ModelSet modelSet() {
        return set;
    }

    /** Loads the component now (otherwise the first {@link #run} does). */
    public void load(ModelComponent component) throws EngineException {
        session(component);
    }

    public boolean isLoaded(ModelComponent component) {
        return sessions.containsKey(component);
    }

    private OrtSession session(ModelComponent component) throws EngineException {
        OrtSession session = sessions.get(component);
        if (session != null) {
            return session;
        }
        ExecutionDevice device = placement.device(component);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // FATAL only: errors reach the user as the exception's one sentence (see failure()); at ERROR
            // level ONNX Runtime also printed its own red log line to stderr first (seen on CUDA
            // running out of memory, docs/cuda.md).
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            // Worker threads that spin after a call compete with the pipeline's own work between
            // calls (and with the editor); sleeping workers cost nothing measurable per U-Net call.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = factory.create(env, set.file(component).toString(), device, options);
        } catch (OrtException | RuntimeException e) {
            throw failure(component, "could not be loaded on", e);
        }
        sessions.put(component, session);
        return session;
    }

    /** The exception for a failed load or run: {@link OutOfDeviceMemoryException} when memory ran out. */
    EngineException failure(ModelComponent component, String verb, Exception e) {
        ExecutionDevice device = placement.device(component);
        if (OutOfDeviceMemoryException.isOutOfMemory(e)) {
            // Moving work off the GPU helps only when the GPU is what ran out.
            return new OutOfDeviceMemoryException(component, device, device.cuda() ? placement.preset() : null, e);
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        return new EngineException("The " + component.label() + " (" + component.fileName() + ") " + verb + " "
                + device.label() + ": " + firstLine(e.getMessage()), e);
    }

    /**
     * Runs {@code component} once and returns its single output as float32. {@code token} may cancel
     * the call while it runs.
     */
    public TensorData.Floats run(ModelComponent component, Map<String, TensorData> inputs, CancellationToken token)
            throws EngineException {
        token.throwIfCancelled();
        OrtSession session = session(component);
        List<OnnxTensor> created = new ArrayList<>();
        try (OrtSession.RunOptions runOptions = new OrtSession.RunOptions()) {
            Map<String, OnnxTensor> feed = new HashMap<>();
            for (Map.Entry<String, TensorData> e : inputs.entrySet()) {
                TensorSpec spec = set.signature(component).input(e.getKey());
                if (spec == null) {
                    throw new EngineException("The " + component.label() + " (" + component.fileName()
                            + ") has no input '" + e.getKey() + "'");
                }
                OnnxTensor tensor = toOnnx(e.getValue(), spec.elementType(), buffer(component, e.getKey(), e.getValue(), spec.elementType()));
                created.add(tensor);
                feed.put(e.getKey(), tensor);
            }
            token.attach(runOptions);
            long start = System.nanoTime();
            try (OrtSession.Result result = session.run(feed, Set.of(component.outputName()), runOptions)) {
                callNanos.computeIfAbsent(component, c -> new long[2])[0] += System.nanoTime() - start;
                callNanos.get(component)[1]++;
                return toFloats(component, result.get(component.outputName()).orElseThrow());
            } finally {
                token.detach(runOptions);
            }
        } catch (OrtException e) {
            if (token.isCancelled()) {
                throw new CancelledException();
            }
            throw failure(component, "failed on", e);
        } finally {
            created.forEach(OnnxTensor::close);
        }
    }

    /** Frees the component's session if the memory mode says so; call after its stage. */
    public void endStage(ModelComponent component) {
        if (mode == MemoryMode.PER_STAGE) {
            unload(component);
        }
    }

    public void unload(ModelComponent component) {
        buffers.keySet().removeIf(key -> key.startsWith(component.name() + "/"));
        OrtSession session = sessions.remove(component);
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // Closing a session that failed to load has nothing left to free.
            }
        }
    }

    /** Total nanoseconds spent inside {@code component}'s calls, and how many calls. */
    public long[] callTime(ModelComponent component) {
        return callNanos.getOrDefault(component, new long[2]).clone();
    }

    public void resetCallTimes() {
        callNanos.clear();
    }

    @Override
    public void close() {
        for (ModelComponent c : List.copyOf(sessions.keySet())) {
            unload(c);
        }
    }

    /**
     * A direct buffer for one input, reused from call to call while its size stays the same (the
     * U-Net's inputs are rebuilt 50 times a run). Safe because calls never overlap and each tensor
     * is closed before the next call.
     */
    private ByteBuffer buffer(ModelComponent component, String input, TensorData data, ElementType type) {
        int bytesPerValue = switch (data) {
            case TensorData.Floats f -> type == ElementType.FLOAT16 ? 2 : 4;
            case TensorData.Longs l -> type == ElementType.FLOAT16 ? 2 : type == ElementType.FLOAT ? 4 : 8;
            case TensorData.Bools b -> 1;
        };
        int bytes = Math.max(1, Math.toIntExact(TensorData.count(data.shape()) * bytesPerValue));
        String key = component.name() + "/" + input;
        ByteBuffer buffer = buffers.get(key);
        if (buffer == null || buffer.capacity() != bytes) {
            buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            buffers.put(key, buffer);
        }
        return buffer.clear();
    }

    private OnnxTensor toOnnx(TensorData data, ElementType type, ByteBuffer bytes) throws OrtException {
        long[] shape = data.shape();
        return switch (data) {
            case TensorData.Floats f when type == ElementType.FLOAT16 -> {
                ShortBuffer buffer = bytes.asShortBuffer();
                for (float v : f.data()) {
                    buffer.put(Float.floatToFloat16(v));
                }
                yield OnnxTensor.createTensor(env, buffer.flip(), shape, OnnxJavaType.FLOAT16);
            }
            case TensorData.Floats f -> {
                FloatBuffer buffer = bytes.asFloatBuffer().put(f.data()).flip();
                yield OnnxTensor.createTensor(env, buffer, shape);
            }
            case TensorData.Longs l when type == ElementType.FLOAT -> {
                FloatBuffer buffer = bytes.asFloatBuffer();
                for (long v : l.data()) {
                    buffer.put(v);
                }
                yield OnnxTensor.createTensor(env, buffer.flip(), shape);
            }
            case TensorData.Longs l when type == ElementType.FLOAT16 -> {
                ShortBuffer buffer = bytes.asShortBuffer();
                for (long v : l.data()) {
                    buffer.put(Float.floatToFloat16(v));
                }
                yield OnnxTensor.createTensor(env, buffer.flip(), shape, OnnxJavaType.FLOAT16);
            }
            case TensorData.Longs l -> {
                LongBuffer buffer = bytes.asLongBuffer().put(l.data()).flip();
                yield OnnxTensor.createTensor(env, buffer, shape);
            }
            case TensorData.Bools b -> {
                for (boolean v : b.data()) {
                    bytes.put((byte) (v ? 1 : 0));
                }
                yield OnnxTensor.createTensor(env, bytes.flip(), shape, OnnxJavaType.BOOL);
            }
        };
    }

    private static TensorData.Floats toFloats(ModelComponent component, OnnxValue value) throws EngineException {
        if (!(value instanceof OnnxTensor tensor) || !(tensor.getInfo() instanceof TensorInfo info)) {
            throw new EngineException("The " + component.label() + " returned no tensor");
        }
        long[] shape = info.getShape();
        float[] data = new float[Math.toIntExact(TensorData.count(shape))];
        switch (info.type) {
            case FLOAT -> tensor.getFloatBuffer().get(data);
            case FLOAT16 -> {
                ShortBuffer halves = tensor.getShortBuffer();
                for (int i = 0; i < data.length; i++) {
                    data[i] = Float.float16ToFloat(halves.get(i));
                }
            }
            default -> throw new EngineException("The " + component.label() + " (" + component.fileName()
                    + ") returned " + info.type + " values; expected float32 or float16");
        }
        for (float v : data) {
            if (!Float.isFinite(v)) {
                throw new EngineException("The " + component.label() + " (" + component.fileName()
                        + ") produced NaN or infinite values" + (info.type == OnnxJavaType.FLOAT16
                        ? " (float16 overflow; try a float32 export)" : ""));
            }
        }
        return new TensorData.Floats(shape, data);
    }

    /** Checks an output's shape; a mismatch names the component and both shapes. */
    public static void expectShape(ModelComponent component, TensorData.Floats out, long... expected) throws EngineException {
        if (!Arrays.equals(out.shape(), expected)) {
            throw new EngineException("The " + component.label() + " (" + component.fileName() + ") returned shape "
                    + Arrays.toString(out.shape()) + " where " + Arrays.toString(expected) + " was expected");
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.lines().findFirst().orElse(message).trim();
    }
}
