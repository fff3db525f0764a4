package app.vernissage.core.zoom;

import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The zoom-out folder both the CLI and the editor write: keyframes, PNG frames, the GIF, stopping early. */
class ZoomExportTest {
    @TempDir
    Path dir;

    private static final List<PixelImage> KEYS = List.of(PixelImage.filled(48, 32, 0xFFFF0000),
            PixelImage.filled(48, 32, 0xFF00FF00), PixelImage.filled(48, 32, 0xFF0000FF));

    static int gifFrames(Path gif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }

    @Test
    void writesKeyframesFramesAndAGifWithOneImagePerFrame() throws Exception {
        List<Integer> progress = new ArrayList<>();
        ZoomExport.Written w = ZoomExport.write(KEYS, 2.0, 5, 10, dir, ZoomExport.Outputs.ALL,
                (done, total) -> progress.add(done * 100 + total), () -> false);
        assertEquals(new ZoomExport.Written(3, 5, false), w);
        assertEquals(List.of(105, 205, 305, 405, 505), progress);
        for (int k = 0; k < 3; k++) {
            assertEquals(KEYS.get(k).argbAt(5, 5), ImageFiles.read(dir.resolve(ZoomExport.keyframeName(k)),
                    ImageLimits.DEFAULT).argbAt(5, 5));
        }
        for (int i = 0; i < 5; i++) {
            PixelImage f = ImageFiles.read(dir.resolve("frame-000" + i + ".png"), ImageLimits.DEFAULT);
            assertEquals(48, f.width());
            assertEquals(32, f.height());
        }
        assertFalse(Files.exists(dir.resolve("frame-0005.png")));
        assertEquals(5, gifFrames(dir.resolve("zoom.gif")));
    }

    @Test
    void eachOutputCanBeLeftOut() throws IOException {
        Path gifOnly = Files.createDirectory(dir.resolve("gif"));
        ZoomExport.write(KEYS, 2.0, 4, 12, gifOnly, new ZoomExport.Outputs(false, true), ZoomExport.Progress.NONE, () -> false);
        assertEquals(4, gifFrames(gifOnly.resolve("zoom.gif")));
        assertFalse(Files.exists(gifOnly.resolve("frame-0000.png")));
        Path pngOnly = Files.createDirectory(dir.resolve("png"));
        ZoomExport.write(KEYS, 2.0, 4, 12, pngOnly, new ZoomExport.Outputs(true, false), ZoomExport.Progress.NONE, () -> false);
        assertTrue(Files.exists(pngOnly.resolve("frame-0003.png")));
        assertFalse(Files.exists(pngOnly.resolve("zoom.gif")));
        assertTrue(Files.exists(pngOnly.resolve("keyframe-02.png")));
    }

    @Test
    void stoppingKeepsWhatWasWrittenAndClosesTheGif() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        ZoomExport.Written w = ZoomExport.write(KEYS, 2.0, 10, 12, dir, ZoomExport.Outputs.ALL, ZoomExport.Progress.NONE,
                () -> asked.incrementAndGet() > 3);
        assertEquals(new ZoomExport.Written(3, 3, true), w);
        assertTrue(Files.exists(dir.resolve("frame-0002.png")));
        assertFalse(Files.exists(dir.resolve("frame-0003.png")));
        assertEquals(3, gifFrames(dir.resolve("zoom.gif")));

        Path none = Files.createDirectory(dir.resolve("none"));
        ZoomExport.Written nothing = ZoomExport.write(KEYS, 2.0, 10, 12, none, ZoomExport.Outputs.ALL,
                ZoomExport.Progress.NONE, () -> true);
        assertEquals(0, nothing.frames());
        assertFalse(Files.exists(none.resolve("zoom.gif")), "a GIF without frames is not left behind");
        assertTrue(Files.exists(none.resolve("keyframe-00.png")));
    }

    @Test
    void framesAfterACancelAreInProportion() {
        assertEquals(48, ZoomExport.framesFor(48, 3, 3));
        assertEquals(16, ZoomExport.framesFor(48, 1, 3));
        assertEquals(2, ZoomExport.framesFor(3, 1, 100));
    }

    @Test
    void preparesAFolderAndRefusesFilesAndMissingParents() throws IOException {
        Path made = dir.resolve("new-folder");
        ZoomExport.prepareFolder(made);
        assertTrue(Files.isDirectory(made));
        try (var left = Files.list(made)) {
            assertEquals(0, left.count(), "the write check leaves nothing behind");
        }
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertTrue(assertThrows(IOException.class, () -> ZoomExport.prepareFolder(file)).getMessage().contains("is a file"));
        IOException missing = assertThrows(IOException.class, () -> ZoomExport.prepareFolder(dir.resolve("no/such/place")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertThrows(IOException.class, () -> ZoomExport.prepareFolder(file.resolve("under-a-file")));
    }

    @Test
    void refusesBadCounts() {
        assertThrows(IllegalArgumentException.class, () -> ZoomExport.write(KEYS, 2.0, 1, 12, dir, ZoomExport.Outputs.ALL,
                ZoomExport.Progress.NONE, () -> false));
        assertThrows(IllegalArgumentException.class, () -> ZoomExport.write(KEYS, 2.0, 4, 0, dir, ZoomExport.Outputs.ALL,
                ZoomExport.Progress.NONE, () -> false));
    }
}
