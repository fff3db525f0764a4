package app.vernissage.engine.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide ONNX Runtime environment and the device decision. CUDA is tried once per
 * preference and device id, and the answer is cached; where no NVIDIA driver is present it is not
 * tried at all (loading the CUDA provider library alone takes seconds).
 */
public final class OrtRuntime {
    private static final Map<String, ExecutionDevice> DECISIONS = new ConcurrentHashMap<>();

    private OrtRuntime() {
    }

    public static OrtEnvironment environment() {
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "vernissage");
        try {
            env.setTelemetry(false);
        } catch (OrtException ignored) {
            // Telemetry exists only on Windows builds; nothing to switch off elsewhere.
        }
        return env;
    }

    /** Decides where to run; throws for {@link DevicePreference#CUDA} when CUDA cannot be used. */
    public static ExecutionDevice device(DevicePreference preference, int deviceId) throws EngineException {
        if (preference == DevicePreference.CPU) {
            return new ExecutionDevice(false, 0, "running on CPU (as asked)");
        }
        ExecutionDevice decided = DECISIONS.computeIfAbsent(preference + ":" + deviceId, key -> probe(deviceId));
        if (preference == DevicePreference.CUDA && !decided.cuda()) {
            throw new EngineException("CUDA was asked for but cannot be used: " + decided.explanation()
                    .replace(", running on CPU", "") + "; use --device cpu or auto");
        }
        return decided;
    }

    private static ExecutionDevice probe(int deviceId) {
        String driverProblem = missingDriver();
        if (driverProblem != null) {
            return new ExecutionDevice(false, 0, driverProblem + ", running on CPU");
        }
        environment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.addCUDA(deviceId);
            return new ExecutionDevice(true, deviceId, "running on CUDA device " + deviceId);
        } catch (OrtException | UnsatisfiedLinkError | IllegalArgumentException e) {
            return new ExecutionDevice(false, 0, cudaProblem(e.getMessage()) + ", running on CPU");
        }
    }

    /** A sentence when the NVIDIA driver is visibly absent, or null when CUDA is worth trying. */
    private static String missingDriver() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && !Files.exists(Path.of("/proc/driver/nvidia/version"))) {
            return "no NVIDIA driver found";
        }
        if (os.contains("mac")) {
            return "CUDA does not exist on macOS";
        }
        if (os.contains("windows")) {
            String root = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
            if (!Files.exists(Path.of(root, "System32", "nvcuda.dll"))) {
                return "no NVIDIA driver found";
            }
        }
        return null;
    }

    static String cudaProblem(String message) {
        String m = message == null ? "" : message;
        if (m.contains("not enabled") || m.contains("not compiled") || m.contains("CUDA is not available")) {
            return "this ONNX Runtime build has no CUDA provider";
        }
        String first = m.lines().findFirst().orElse("").trim();
        if (first.length() > 160) {
            first = first.substring(0, 160) + "...";
        }
        return "CUDA 12 or cuDNN 9 libraries not found" + (first.isEmpty() ? "" : " (" + first + ")");
    }

    /** Forgets cached device decisions (tests). */
    static void forget() {
        DECISIONS.clear();
    }
}
