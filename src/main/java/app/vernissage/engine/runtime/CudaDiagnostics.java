package app.vernissage.engine.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why CUDA can or cannot be used, line by line: the NVIDIA driver and its version, then the CUDA 12
 * runtime, cuBLAS and cuDNN 9 libraries ONNX Runtime's CUDA provider loads. Each missing piece comes
 * with its fix as a sentence. Reads files under a root folder (a fake one in tests).
 */
public record CudaDiagnostics(List<Line> lines) {
    /** One finding: what was looked for, whether it is there, where or which version, and the fix. */
    public record Line(String what, boolean ok, String detail, String fix) {
        public String format() {
            return (ok ? "  ok       " : "  MISSING  ") + what + (detail.isEmpty() ? "" : " (" + detail + ")")
                    + (ok ? "" : ": " + fix);
        }
    }

    private static final Pattern DRIVER_VERSION = Pattern.compile(
            // "...x86_64 Kernel Module  550.54.14 ..." and the open module's "...Kernel Module for x86_64  580.159.04 ..."
            "Kernel Module.*?\\s([0-9]{2,4}\\.[0-9]+(?:\\.[0-9]+)?)\\s");

    public CudaDiagnostics {
        lines = List.copyOf(lines);
    }

    public boolean allFound() {
        return lines.stream().allMatch(Line::ok);
    }

    /** One line per finding, for the terminal. */
    public String format() {
        StringBuilder out = new StringBuilder("CUDA\n");
        lines.forEach(l -> out.append(l.format()).append('\n'));
        return out.toString();
    }

    /** This machine. */
    public static CudaDiagnostics check() {
        return check(Path.of("/"), System.getenv(), System.getProperty("os.name", ""), CudaDiagnostics::ldconfig);
    }

    /**
     * @param root     the file system root the paths are read under
     * @param env      environment variables (LD_LIBRARY_PATH, PATH, SystemRoot)
     * @param osName   e.g. "Linux", "Windows 11"
     * @param ldconfig the output of {@code ldconfig -p} (empty when it cannot run)
     */
    public static CudaDiagnostics check(Path root, Map<String, String> env, String osName, Supplier<String> ldconfig) {
        String os = osName.toLowerCase(Locale.ROOT);
        List<Line> lines = new ArrayList<>();
        if (os.contains("mac")) {
            lines.add(new Line("NVIDIA driver", false, "macOS",
                    "CUDA does not exist on macOS, so the models run on the CPU."));
            return new CudaDiagnostics(lines);
        }
        boolean windows = os.contains("windows");
        lines.add(windows ? windowsDriver(root, env) : linuxDriver(root));
        List<Path> dirs = windows ? windowsDirs(root, env) : linuxDirs(root, env);
        String ld = windows ? "" : Optional.ofNullable(ldconfig.get()).orElse("");
        String pathVar = windows ? "PATH" : "LD_LIBRARY_PATH";
        lines.add(library(windows ? "cudart64_12.dll" : "libcudart.so.12", dirs, ld, root,
                "Install the CUDA 12 runtime (NVIDIA's cuda-cudart-12 package or the CUDA 12 toolkit) or add "
                        + "the folder holding it to " + pathVar + "."));
        lines.add(library(windows ? "cublas64_12.dll" : "libcublas.so.12", dirs, ld, root,
                "Install cuBLAS for CUDA 12 (NVIDIA's libcublas-12 package or the CUDA 12 toolkit) or add "
                        + "the folder holding it to " + pathVar + "."));
        lines.add(library(windows ? "cudnn64_9.dll" : "libcudnn.so.9", dirs, ld, root,
                "Install cuDNN 9 for CUDA 12 (NVIDIA's cudnn9-cuda-12 package) or add the folder holding it to "
                        + pathVar + "."));
        return new CudaDiagnostics(lines);
    }

    private static Line linuxDriver(Path root) {
        Path version = under(root, "/proc/driver/nvidia/version");
        if (!Files.isRegularFile(version)) {
            return new Line("NVIDIA driver", false, "",
                    "Install the NVIDIA driver for your GPU (e.g. your distribution's nvidia-driver package) and "
                            + "restart; until then the models run on the CPU.");
        }
        try {
            Matcher m = DRIVER_VERSION.matcher(Files.readString(version, StandardCharsets.UTF_8));
            return new Line("NVIDIA driver", true, m.find() ? "version " + m.group(1) : "version unknown", "");
        } catch (IOException e) {
            return new Line("NVIDIA driver", true, "version unreadable", "");
        }
    }

    private static Line windowsDriver(Path root, Map<String, String> env) {
        String systemRoot = env.getOrDefault("SystemRoot", "C:\\Windows");
        Path dll = under(root, systemRoot).resolve("System32").resolve("nvcuda.dll");
        return Files.isRegularFile(dll)
                ? new Line("NVIDIA driver", true, "nvcuda.dll", "")
                : new Line("NVIDIA driver", false, "", "Install the NVIDIA driver for your GPU from nvidia.com and "
                + "restart; until then the models run on the CPU.");
    }

    private static Line library(String name, List<Path> dirs, String ldconfig, Path root, String fix) {
        for (Path dir : dirs) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                return new Line(name, true, display(root, file), "");
            }
        }
        for (String line : ldconfig.lines().toList()) {
            String t = line.trim();
            if (t.startsWith(name + " ") && t.contains("=>")) {
                return new Line(name, true, t.substring(t.indexOf("=>") + 2).trim() + " (ldconfig)", "");
            }
        }
        return new Line(name, false, "", fix);
    }

    private static List<Path> linuxDirs(Path root, Map<String, String> env) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (String entry : env.getOrDefault("LD_LIBRARY_PATH", "").split(":")) {
            if (!entry.isBlank()) {
                dirs.add(under(root, entry.trim()));
            }
        }
        dirs.add(under(root, "/usr/lib/x86_64-linux-gnu"));
        dirs.add(under(root, "/usr/lib64"));
        Path local = under(root, "/usr/local");
        if (Files.isDirectory(local)) {
            try (DirectoryStream<Path> cuda = Files.newDirectoryStream(local, "cuda*")) {
                List<Path> found = new ArrayList<>();
                cuda.forEach(found::add);
                found.stream().sorted().forEach(d -> dirs.add(d.resolve("lib64")));
            } catch (IOException e) {
                // an unreadable /usr/local adds nothing
            }
        }
        return List.copyOf(dirs);
    }

    private static List<Path> windowsDirs(Path root, Map<String, String> env) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (String entry : env.getOrDefault("PATH", env.getOrDefault("Path", "")).split(";")) {
            if (!entry.isBlank()) {
                dirs.add(under(root, entry.trim()));
            }
        }
        return List.copyOf(dirs);
    }

    /** An absolute path read under {@code root}; a drive letter is dropped under a fake root. */
    private static Path under(Path root, String absolute) {
        if (root.equals(root.getRoot())) {
            return Path.of(absolute);
        }
        String relative = absolute.replace('\\', '/').replaceFirst("^[A-Za-z]:", "").replaceFirst("^/+", "");
        return root.resolve(relative);
    }

    private static String display(Path root, Path file) {
        if (root.equals(root.getRoot())) {
            return file.toString();
        }
        return "/" + root.relativize(file).toString().replace('\\', '/');
    }

    /** {@code ldconfig -p}, or "" when it cannot run within 5 seconds. */
    static String ldconfig() {
        for (String exe : List.of("ldconfig", "/sbin/ldconfig", "/usr/sbin/ldconfig")) {
            try {
                Process p = new ProcessBuilder(exe, "-p").redirectErrorStream(true).start();
                try (InputStream in = p.getInputStream()) {
                    byte[] out = in.readAllBytes();
                    if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                        return new String(out, StandardCharsets.UTF_8);
                    }
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                // try the next location
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
        return "";
    }
}
