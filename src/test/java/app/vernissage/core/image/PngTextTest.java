package app.vernissage.core.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngTextTest {
    @TempDir
    Path dir;

    @Test
    void settingsTravelWithThePngAndPixelsStayExact() throws Exception {
        PixelImage image = PixelImage.filled(7, 5, 0xFF102030);
        Map<String, String> text = new LinkedHashMap<>();
        text.put("Description", "красный закат над морем");
        text.put("vernissage", "seed=42\nsteps=50\nguidance=4");
        Path file = dir.resolve("out.png");
        ImageFiles.write(image, file, 1f, text);
        assertEquals(text, ImageFiles.readText(file));
        assertArrayEquals(image.argb(), ImageFiles.read(file, ImageLimits.DEFAULT).argb());
    }

    @Test
    void exportedFilesGetTheUsersDefaultPermissions() throws Exception {
        Path file = dir.resolve("plain.png");
        ImageFiles.write(PixelImage.filled(2, 2, 0xFFFFFFFF), file, 1f);
        Path ordinary = Files.write(dir.resolve("ordinary.txt"), new byte[]{1});
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(file),
                "an exported picture has the permissions of any new file, not owner-only ones");
        assertTrue(ImageFiles.readText(file).isEmpty());
    }
}
