package app.vernissage.core.project;

import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.window.ContextWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    /**
     * {@link #sample} with a canvas state: a context window placed by hand over the right part of the
     * picture (at least 4 pixels wide), overlap 48, padding 96, Telea pre-fill.
     */
    static Project sampleWithCanvas(int w, int h, long seed) {
        Project p = sample(w, h, seed);
        ContextWindow window = new ContextWindow(new Rect(w / 4, 0, w - w / 4, h), 64, 64);
        return new Project(p.image(), p.mask(), p.generations(), p.variants(), Optional.of(
                new CanvasState(true, Optional.of(window), 48, 96, CanvasState.PreFillMethod.TELEA)));
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
        assertEquals(1, p.variants().size());
        assertArrayEquals(expected.variants().getFirst().image().argb(), p.variants().getFirst().image().argb());
        assertEquals(Optional.empty(), p.canvas(), "format 1 records no canvas state");
    }

    /** A format-2 file written by this version (sampleWithCanvas(16, 12, 7)), committed: it must keep opening. */
    @Test
    void formatTwoFixtureOpensWithItsCanvasState() throws Exception {
        Path fixture = Path.of("src/test/resources/projects/format-2.vernissage");
        Project p = ProjectFile.read(fixture, ImageLimits.DEFAULT);
        Project expected = sampleWithCanvas(16, 12, 7);
        assertArrayEquals(expected.image().argb(), p.image().argb());
        assertArrayEquals(expected.mask().values(), p.mask().values());
        assertEquals(expected.generations(), p.generations());
        assertEquals(expected.canvas(), p.canvas());
        assertEquals(new Rect(4, 0, 12, 12), p.canvas().orElseThrow().manualWindow().orElseThrow().region());
    }

    @Test
    void canvasStateRoundTrips() throws Exception {
        Project manual = sampleWithCanvas(40, 30, 3);
        Path file = dir.resolve("manual.vernissage");
        ProjectFile.write(manual, file);
        assertEquals(manual.canvas(), ProjectFile.read(file, ImageLimits.DEFAULT).canvas());
        assertTrue(manifest(file).contains("\"formatVersion\" : 2"), manifest(file));

        Project p = sample(40, 30, 3);
        for (CanvasState state : List.of(CanvasState.DEFAULT,
                new CanvasState(true, Optional.empty(), 0, 0, CanvasState.PreFillMethod.NONE),
                new CanvasState(false, Optional.empty(), CanvasState.MAX_OVERLAP, CanvasState.MAX_PADDING,
                        CanvasState.PreFillMethod.NS))) {
            Path f = dir.resolve("auto.vernissage");
            ProjectFile.write(new Project(p.image(), p.mask(), p.generations(), p.variants(), Optional.of(state)), f);
            assertEquals(Optional.of(state), ProjectFile.read(f, ImageLimits.DEFAULT).canvas());
        }
        Path none = dir.resolve("none.vernissage");
        ProjectFile.write(p, none);
        assertEquals(Optional.empty(), ProjectFile.read(none, ImageLimits.DEFAULT).canvas(), "written without: read without");
    }

    /** Bad canvas members refuse the whole file with a one-sentence "damaged" message, never a crash. */
    @Test
    void hostileCanvasStatesAreRefused() throws Exception {
        Path good = dir.resolve("good.vernissage");
        ProjectFile.write(sampleWithCanvas(40, 30, 4), good);
        String window = "{\"x\":10,\"y\":0,\"width\":30,\"height\":30,\"workWidth\":64,\"workHeight\":64}";
        String ok = "{\"contextWindow\":true,\"manualWindow\":" + window + ",\"overlap\":32,\"padding\":128,\"preFill\":\"blur\"}";
        assertEquals(new Rect(10, 0, 30, 30), ProjectFile.read(withCanvas(good, ok, "ok"), ImageLimits.DEFAULT)
                .canvas().orElseThrow().manualWindow().orElseThrow().region(), "the hand-written canvas itself is fine");
        List<String> hostile = List.of(
                ok.replace("\"x\":10", "\"x\":11"),                        // right edge past the picture
                ok.replace("\"x\":10", "\"x\":-1"),
                ok.replace("\"y\":0", "\"y\":2147483647"),                 // x + width overflows an int
                ok.replace("\"width\":30", "\"width\":0"),
                ok.replace("\"height\":30", "\"height\":-5"),
                ok.replace("\"x\":10", "\"x\":99999999999999999999"),      // not an int at all
                ok.replace("\"workWidth\":64", "\"workWidth\":65"),
                ok.replace("\"workWidth\":64,\"workHeight\":64", "\"workWidth\":4096,\"workHeight\":4096"),
                ok.replace("\"workWidth\":64", "\"workWidth\":0"),
                ok.replace("\"workHeight\":64", "\"workHeight\":-64"),
                ok.replace("\"overlap\":32", "\"overlap\":-1"),
                ok.replace("\"overlap\":32", "\"overlap\":1000000"),
                ok.replace("\"padding\":128", "\"padding\":2147483647"),
                ok.replace("\"blur\"", "\"lava\""),
                ok.replace("\"blur\"", "5"),
                ok.replace("\"blur\"", "null"),
                ok.replace("\"contextWindow\":true", "\"contextWindow\":\"maybe\""),
                ok.replace("\"contextWindow\":true", "\"contextWindow\":false"), // a manual window without one
                ok.replace("\"contextWindow\":true,", ""),
                ok.replace("\"overlap\":32,", ""),
                ok.replace(",\"workHeight\":64", ""),
                ok.replace(window, "[1,2,3]"),
                ok.replace(window, "\"everywhere\""),
                ok.replace("\"padding\":128", "\"padding\":{\"a\":1}"),
                "\"canvas\"",
                "[]",
                "17");
        for (int i = 0; i < hostile.size(); i++) {
            Path file = withCanvas(good, hostile.get(i), "bad" + i);
            String message = message(file);
            assertTrue(message.startsWith("bad" + i + ".vernissage is damaged: its "), hostile.get(i) + " -> " + message);
            assertTrue(message.endsWith("."), message);
        }
    }

    /** A format-1 file never had a canvas member: one found there is ignored, as format 1 always ignored unknown members. */
    @Test
    void aCanvasMemberInAFormatOneFileIsIgnored() throws Exception {
        Path good = dir.resolve("good.vernissage");
        ProjectFile.write(sampleWithCanvas(40, 30, 4), good);
        Path file = withCanvas(good, "{\"overlap\":-7}", "old");
        rewriteManifest(file, file, json -> json.replace("\"formatVersion\" : 2", "\"formatVersion\" : 1"));
        assertEquals(Optional.empty(), ProjectFile.read(file, ImageLimits.DEFAULT).canvas());
    }

    /** {@code good} with its manifest's canvas member replaced by {@code canvasJson}, as {@code <stem>.vernissage}. */
    private Path withCanvas(Path good, String canvasJson, String stem) throws IOException {
        Path file = dir.resolve(stem + ".vernissage");
        rewriteManifest(good, file, json -> {
            int at = json.indexOf("\"canvas\" :");
            assertTrue(at > 0, json);
            int end = json.lastIndexOf('}');
            return json.substring(0, at) + "\"canvas\" : " + canvasJson + "\n" + json.substring(end);
        });
        return file;
    }

    private static void rewriteManifest(Path from, Path to, java.util.function.UnaryOperator<String> change) throws IOException {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipFile(from.toFile())) {
            for (var e : java.util.Collections.list(in.entries())) {
                entries.put(e.getName(), in.getInputStream(e).readAllBytes());
            }
        }
        try (OutputStream out = Files.newOutputStream(to); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                byte[] data = e.getValue();
                if (e.getKey().equals("project.json")) {
                    data = change.apply(new String(data, java.nio.charset.StandardCharsets.UTF_8))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.write(data);
                zip.closeEntry();
            }
        }
    }

    private static String manifest(Path file) throws IOException {
        try (var in = new java.util.zip.ZipFile(file.toFile())) {
            return new String(in.getInputStream(in.getEntry("project.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void newerFormatIsRefusedWithAMessage() throws Exception {
        Path file = zip("new.vernissage", "project.json",
                "{\"format\":\"vernissage-project\",\"formatVersion\":3,\"width\":1,\"height\":1}", "image.png", "x");
        ProjectReadException e = assertThrows(ProjectReadException.class, () -> ProjectFile.read(file, ImageLimits.DEFAULT));
        assertEquals("new.vernissage was saved by a newer Vernissage (project format 3); this version opens formats 1 to 2.",
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
