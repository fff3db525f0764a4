package app.vernissage.core.zoom;

import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.PixelImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * What a zoom-out writes into its folder, shared by {@code vernissage zoomout} and the editor's
 * "Zoom-out video...": {@code keyframe-NN.png} for every keyframe (00 = the start picture), then the
 * animation interpolated through them ({@link ZoomRenderer}) as {@code frame-NNNN.png} and/or the
 * looping {@code zoom.gif}.
 */
public final class ZoomExport {
    public static final int MIN_FRAMES = 2;
    public static final int MAX_FRAMES = 10_000;
    public static final int MIN_FPS = 1;
    public static final int MAX_FPS = 100;
    public static final String GIF_NAME = "zoom.gif";
    private static final float QUALITY = 0.92f;

    private ZoomExport() {
    }

    /** Which of the animation's files to write (the keyframes are always written). */
    public record Outputs(boolean pngFrames, boolean gif) {
        public static final Outputs ALL = new Outputs(true, true);
    }

    /** Hears about each written frame, on the writing thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void frameWritten(int done, int total);
    }

    /**
     * What was written.
     *
     * @param keyframes keyframe files
     * @param frames    animation frames written (as PNG and/or into the GIF)
     * @param stopped   the stop request ended it before the last frame
     */
    public record Written(int keyframes, int frames, boolean stopped) {
    }

    public static String keyframeName(int k) {
        return String.format(Locale.ROOT, "keyframe-%02d.png", k);
    }

    public static String frameName(int i) {
        return String.format(Locale.ROOT, "frame-%04d.png", i);
    }

    /**
     * The frames of the animation after {@code finished} of {@code planned} keyframe steps: all
     * {@code frames} when every step finished, otherwise in proportion to the finished ones (at least 2).
     */
    public static int framesFor(int frames, int finished, int planned) {
        if (finished >= planned) {
            return frames;
        }
        return Math.max(MIN_FRAMES, (int) Math.round((double) frames * finished / planned));
    }

    /**
     * Makes sure {@code dir} is a folder that can be written into, creating it (not its parent) when
     * missing; an IOException with a sentence says why not.
     */
    public static void prepareFolder(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " is a file, not a folder");
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("the folder that should hold " + dir + " does not exist: " + parent);
        }
        try {
            Files.createDirectories(dir);
            // Permissions alone do not tell (root, read-only mounts): try to write a file.
            Files.delete(Files.createTempFile(dir, ".vernissage-write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new IOException("cannot write into " + dir + ": " + why(e), e);
        }
    }

    private static String why(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Writes the keyframes, then {@code frames} frames of the animation through them (GIF delay
     * {@code 1000 / fps} ms). {@code stop} is asked before each frame: when it says so, writing ends
     * there and the GIF is closed with the frames written so far (deleted when there are none).
     *
     * @param keyframes at least 2 pictures of one size, each {@code zoom} times farther out
     */
    public static Written write(List<PixelImage> keyframes, double zoom, int frames, int fps, Path dir, Outputs outputs,
                                Progress progress, BooleanSupplier stop) throws IOException {
        if (frames < MIN_FRAMES || frames > MAX_FRAMES) {
            throw new IllegalArgumentException("the frame count must be between " + MIN_FRAMES + " and " + MAX_FRAMES
                    + ", got " + frames);
        }
        if (fps < MIN_FPS || fps > MAX_FPS) {
            throw new IllegalArgumentException("the frame rate must be between " + MIN_FPS + " and " + MAX_FPS
                    + " frames per second, got " + fps);
        }
        for (int k = 0; k < keyframes.size(); k++) {
            ImageFiles.write(keyframes.get(k), dir.resolve(keyframeName(k)), QUALITY);
        }
        if (!outputs.pngFrames() && !outputs.gif()) {
            return new Written(keyframes.size(), 0, false);
        }
        PixelImage first = keyframes.getFirst();
        int fade = Math.max(2, Math.min(first.width(), first.height()) / 16);
        ZoomRenderer renderer = new ZoomRenderer(keyframes, zoom, fade);
        Path gifFile = dir.resolve(GIF_NAME);
        AnimatedGif gif = outputs.gif() ? new AnimatedGif(gifFile, Math.round(1000f / fps)) : null;
        int written = 0;
        boolean stopped = false;
        try {
            for (int i = 0; i < frames; i++) {
                if (stop.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                PixelImage frame = renderer.frame(renderer.timeOf(i, frames));
                if (outputs.pngFrames()) {
                    ImageFiles.write(frame, dir.resolve(frameName(i)), QUALITY);
                }
                if (gif != null) {
                    gif.add(frame);
                }
                written++;
                progress.frameWritten(written, frames);
            }
        } finally {
            if (gif != null) {
                closeGif(gif, gifFile, written == 0);
            }
        }
        return new Written(keyframes.size(), written, stopped);
    }

    private static void closeGif(AnimatedGif gif, Path file, boolean empty) throws IOException {
        if (!empty) {
            gif.close();
            return;
        }
        try {
            gif.close();
        } catch (IOException | RuntimeException e) {
            // A GIF without frames cannot be finished; it is deleted below either way.
        }
        Files.deleteIfExists(file);
    }
}
