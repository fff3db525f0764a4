package app.vernissage.engine.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CUDA diagnostics on a fake file system root. */
class CudaDiagnosticsTest {
    @TempDir
    Path root;

    private void touch(String path) throws IOException {
        Path p = root.resolve(path.replaceFirst("^/", ""));
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }

    @Test
    void nothingInstalledGivesEveryFix() {
        CudaDiagnostics d = CudaDiagnostics.check(root, Map.of(), "Linux", () -> "");
        assertEquals(List.of("NVIDIA driver", "libcudart.so.12", "libcublas.so.12", "libcudnn.so.9"),
                d.lines().stream().map(CudaDiagnostics.Line::what).toList());
        assertFalse(d.allFound());
        assertTrue(d.lines().stream().noneMatch(CudaDiagnostics.Line::ok));
        assertTrue(d.lines().get(0).fix().startsWith("Install the NVIDIA driver"));
        assertTrue(d.lines().get(3).fix().contains("cuDNN 9"));
        assertTrue(d.format().contains("  MISSING  libcudart.so.12: Install the CUDA 12 runtime"), d.format());
    }

    @Test
    void findsDriverVersionAndLibrariesInEveryPlace() throws IOException {
        touch("/proc/driver/nvidia/version");
        Files.writeString(root.resolve("proc/driver/nvidia/version"),
                "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.14  Thu Feb 22 01:44:30 UTC 2024\n"
                        + "GCC version:  gcc version 12.2.0 (Debian 12.2.0-14)\n");
        touch("/usr/local/cuda-12.4/lib64/libcudart.so.12");
        touch("/opt/cudnn/lib/libcudnn.so.9");
        String ldconfig = "1234 libs found in cache `/etc/ld.so.cache'\n"
                + "\tlibcublas.so.12 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libcublas.so.12\n";
        CudaDiagnostics d = CudaDiagnostics.check(root, Map.of("LD_LIBRARY_PATH", "/opt/cudnn/lib:"), "Linux",
                () -> ldconfig);
        assertTrue(d.allFound(), d.format());
        assertEquals("version 550.54.14", d.lines().get(0).detail());
        assertEquals("/usr/local/cuda-12.4/lib64/libcudart.so.12", d.lines().get(1).detail());
        assertEquals("/usr/lib/x86_64-linux-gnu/libcublas.so.12 (ldconfig)", d.lines().get(2).detail());
        assertEquals("/opt/cudnn/lib/libcudnn.so.9", d.lines().get(3).detail());
        assertTrue(d.format().contains("  ok       NVIDIA driver (version 550.54.14)"), d.format());
    }

    @Test
    void readsTheOpenKernelModuleVersionLine() throws IOException {
        // The open kernel module's wording; the H100 machine of docs/cuda.md showed "version unknown" before.
        touch("/proc/driver/nvidia/version");
        Files.writeString(root.resolve("proc/driver/nvidia/version"),
                "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04  Release Build  (dvs-builder@U22)\n");
        CudaDiagnostics d = CudaDiagnostics.check(root, Map.of(), "Linux", () -> "");
        assertEquals("version 580.159.04", d.lines().get(0).detail());
    }

    @Test
    void systemLibraryFolderCounts() throws IOException {
        touch("/usr/lib/x86_64-linux-gnu/libcudnn.so.9");
        CudaDiagnostics d = CudaDiagnostics.check(root, Map.of(), "Linux", () -> null);
        assertTrue(d.lines().get(3).ok());
        assertFalse(d.lines().get(1).ok());
    }

    @Test
    void windowsLooksForNvcudaAndDllsOnThePath() throws IOException {
        touch("/Windows/System32/nvcuda.dll");
        touch("/CUDA/bin/cudart64_12.dll");
        CudaDiagnostics d = CudaDiagnostics.check(root, Map.of("SystemRoot", "C:\\Windows", "PATH", "C:\\CUDA\\bin"),
                "Windows 11", () -> "");
        assertTrue(d.lines().get(0).ok());
        assertTrue(d.lines().get(1).ok(), d.format());
        assertFalse(d.lines().get(3).ok());
        assertTrue(d.lines().get(3).fix().endsWith("to PATH."));
    }

    @Test
    void macOsHasNoCuda() {
        CudaDiagnostics d = CudaDiagnostics.check(root, Map.of(), "Mac OS X", () -> "");
        assertEquals(1, d.lines().size());
        assertFalse(d.allFound());
    }
}
