package app.vernissage.core.project;

import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectFileTest {
    @TempDir
    Path dir;

    static Project sample(int w, int h, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | random.nextInt(1 << 24);
        }
        int[] variant = argb.clone();
        variant[0] = 0xFF123456;
        GenerationRecord settings = new GenerationRecord("red boat", "blur", 42, 50, 4f, 1f, "reference", "Demo", "2026-11-25T19:00:00Z");
        return new Project(new PixelImage(w, h, argb, false), Mask.rectangle(w, h, 3, 4, w / 2, h / 2),
                List.of(settings), List.of(new KeptVariant(new PixelImage(w, h, variant, false), settings)));
    }

    @Test
    void roundTripKeepsEveryPixelAndSetting() throws Exception {
        Project p = sample(37, 23, 1);
        Path file = dir.resolve("a.vernissage");
        ProjectFile.write(p, file);
        Project back = ProjectFile.read(file, ImageLimits.DEFAULT);
        assertArrayEquals(p.image().argb(), back.image().argb());
        assertArrayEquals(p.mask().values(), back.mask().values());
        assertEquals(p.generations(), back.generations());
        assertEquals(1, back.variants().size());
        assertArrayEquals(p.variants().getFirst().image().argb(), back.variants().getFirst().image().argb());
        assertEquals(p.variants().getFirst().settings(), back.variants().getFirst().settings());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary files left beside the project");
        }
    }

    /** A format-1 file committed as it was written: later versions must keep opening it. */
    @Test
    void formatOneFixtureStillOpens() throws Exception {
        Path fixture = Path.of("src/test/resources/projects/format-1.vernissage");
        Project p = ProjectFile.read(fixture, ImageLimits.DEFAULT);
        Project expected = sample(16, 12, 7);
        assertArrayEquals(expected.image().argb(), p.image().argb());
        assertArrayEquals(expected.mask().values(), p.mask().values());
        assertEquals(expected.generations(), p.generations());
    }

    @Test
    void newerFormatIsRefusedWithAMessage() throws Exception {
        Path file = zip("new.vernissage", "project.json",
                "{\"format\":\"vernissage-project\",\"formatVersion\":2,\"width\":1,\"height\":1}", "image.png", "x");
        ProjectReadException e = assertThrows(ProjectReadException.class, () -> ProjectFile.read(file, ImageLimits.DEFAULT));
        assertEquals("new.vernissage was saved by a newer Vernissage (project format 2); this version opens formats 1 to 1.",
                e.getMessage());
    }

    @Test
    void pathTraversalAndUnknownEntriesAreRefused() throws Exception {
        Path file = zip("evil.vernissage", "project.json", "{}", "../../etc/passwd", "x");
        ProjectReadException e = assertThrows(ProjectReadException.class, () -> ProjectFile.read(file, ImageLimits.DEFAULT));
        assertTrue(e.getMessage().contains("unexpected entry '../../etc/passwd'"), e.getMessage());
    }

    @Test
    void zipBombIsRefusedBeforeItUnpacks() throws Exception {
        Path file = dir.resolve("bomb.vernissage");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("image.png"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(file) < 1 << 20, "the bomb is small on disk");
        ProjectReadException e = assertThrows(ProjectReadException.class, () -> ProjectFile.read(file, ImageLimits.DEFAULT));
        assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
    }

    @Test
    void notAZipNotAProjectEmptyAndMissing() throws Exception {
        Path text = dir.resolve("text.vernissage");
        Files.writeString(text, "hello");
        assertTrue(message(text).contains("not a readable zip file"), message(text));
        Path empty = dir.resolve("empty.vernissage");
        Files.write(empty, new byte[0]);
        assertTrue(message(empty).startsWith("empty.vernissage is not a Vernissage project"), message(empty));
        assertEquals("missing.vernissage does not exist or is not a file.", message(dir.resolve("missing.vernissage")));
        Path other = zip("other.vernissage", "project.json", "{\"format\":\"something-else\",\"formatVersion\":1}", "image.png", "x");
        assertEquals("other.vernissage is not a Vernissage project (its format is not vernissage-project).", message(other));
    }

    @Test
    void pictureOfTheWrongSizeIsDamage() throws Exception {
        Path good = dir.resolve("good.vernissage");
        ProjectFile.write(sample(8, 8, 2), good);
        Path file = dir.resolve("lying.vernissage");
        try (var in = new java.util.zip.ZipFile(good.toFile()); OutputStream out = Files.newOutputStream(file);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : java.util.Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("project.json")) {
                    data = new String(data).replace("\"width\" : 8", "\"width\" : 9").getBytes();
                }
                zip.write(data);
                zip.closeEntry();
            }
        }
        assertEquals("lying.vernissage is damaged: its picture is 8x8 but the project says 9x8.", message(file));
    }

    private String message(Path file) {
        return assertThrows(ProjectReadException.class, () -> ProjectFile.read(file, ImageLimits.DEFAULT)).getMessage();
    }

    private Path zip(String name, String... entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes());
                zip.closeEntry();
            }
        }
        return file;
    }
}
