package app.vernissage.core.project;

import app.vernissage.core.canvas.Regions.Rect;
import app.vernissage.core.image.ImageFiles;
import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.image.ImageReadException;
import app.vernissage.core.image.Mask;
import app.vernissage.core.image.PixelImage;
import app.vernissage.core.io.AtomicFiles;
import app.vernissage.core.window.ContextWindow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The project file ({@code .vernissage}): one zip holding {@code project.json} (format name and
 * version, size, generation settings, kept variants), {@code image.png} at full resolution,
 * {@code mask.png}, and {@code variants/N.png}. Saving is atomic ({@link AtomicFiles}). Reading
 * trusts nothing: the file size, the number and names of entries (no paths, no unknown entries),
 * every entry's real unpacked size and its packing ratio (zip bombs) are checked before pictures
 * are decoded, and pictures go through {@link ImageFiles} with its pixel limits.
 *
 * <p>Versions (documented in {@code docs/project-format.md}): format 1 held picture, mask, generations
 * and variants. Format 2 adds the {@code canvas} member ({@link CanvasState}: context window on or off,
 * the hand-placed window, overlap, padding, pre-fill). The version was bumped rather than the member
 * added to format 1 as an optional extra: this reader (and so every format-1 Vernissage) skips unknown
 * manifest members, so an older Vernissage would open a file with a {@code canvas} member, drop the
 * user's window and settings without a word and lose them on its next save. With version 2 it refuses
 * the file instead ("saved by a newer Vernissage"). This version writes 2 and still opens 1 exactly as
 * before (no canvas state: the editor's current settings stay). A {@code canvas} member that is there
 * but wrong (window outside the picture, negative or absurd sizes, an unknown pre-fill, wrong types)
 * makes the whole file refused as damaged, like any other bad manifest member.
 */
public final class ProjectFile {
    public static final String EXTENSION = ".vernissage";
    public static final String FORMAT = "vernissage-project";
    /** The newest format this version writes; every older one still opens. */
    public static final int FORMAT_VERSION = 2;
    /** The first format with the {@code canvas} member. */
    static final int CANVAS_SINCE = 2;

    static final String MANIFEST = "project.json";
    static final String IMAGE = "image.png";
    static final String MASK = "mask.png";
    private static final Pattern VARIANT = Pattern.compile("variants/(\\d{1,3})\\.png");
    private static final int MAX_ENTRIES = 1 + 2 + 1000;
    private static final long MAX_MANIFEST_BYTES = 16L << 20;
    /** A PNG is never much larger than raw RGBA; anything packed tighter than this is suspect. */
    private static final long MAX_PACKING_RATIO = 1000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProjectFile() {
    }

    /** The manifest as stored. */
    record Manifest(String format, int formatVersion, int width, int height, List<GenerationRecord> generations,
                    List<VariantEntry> variants, CanvasEntry canvas) {
    }

    /**
     * The outpainting state as stored (format 2); boxed so that a missing member is told from 0.
     * {@code manualWindow} null: the automatic window.
     */
    record CanvasEntry(Boolean contextWindow, WindowEntry manualWindow, Integer overlap, Integer padding, String preFill) {
        static CanvasEntry of(CanvasState c) {
            return new CanvasEntry(c.contextWindow(), c.manualWindow().map(WindowEntry::of).orElse(null), c.overlap(),
                    c.padding(), c.preFill().id());
        }
    }

    /** A hand-placed context window: its region in picture pixels and the model's working size. */
    record WindowEntry(Integer x, Integer y, Integer width, Integer height, Integer workWidth, Integer workHeight) {
        static WindowEntry of(ContextWindow w) {
            Rect r = w.region();
            return new WindowEntry(r.x(), r.y(), r.width(), r.height(), w.workWidth(), w.workHeight());
        }
    }

    /** A kept variant's entry in the manifest. */
    record VariantEntry(String file, GenerationRecord settings) {
    }

    public static void write(Project project, Path file) throws IOException {
        Path scratch = Files.createTempDirectory("vernissage-save");
        try {
            Path image = scratch.resolve(IMAGE);
            ImageFiles.write(project.image(), image, 1f);
            Path mask = scratch.resolve(MASK);
            ImageFiles.writeMask(project.mask(), mask);
            List<VariantEntry> entries = new ArrayList<>();
            List<Path> variantFiles = new ArrayList<>();
            for (int i = 0; i < project.variants().size(); i++) {
                Path v = scratch.resolve("variant-" + i + ".png");
                ImageFiles.write(project.variants().get(i).image(), v, 1f);
                variantFiles.add(v);
                entries.add(new VariantEntry("variants/" + i + ".png", project.variants().get(i).settings()));
            }
            Manifest manifest = new Manifest(FORMAT, FORMAT_VERSION, project.image().width(), project.image().height(),
                    project.generations(), entries, project.canvas().map(CanvasEntry::of).orElse(null));
            byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            AtomicFiles.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                put(zip, MANIFEST, json);
                put(zip, IMAGE, Files.readAllBytes(image));
                put(zip, MASK, Files.readAllBytes(mask));
                for (int i = 0; i < variantFiles.size(); i++) {
                    put(zip, entries.get(i).file(), Files.readAllBytes(variantFiles.get(i)));
                }
                zip.finish();
            });
        } finally {
            deleteTree(scratch);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    public static Project read(Path file, ImageLimits limits) throws ProjectReadException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ProjectReadException(name + " does not exist or is not a file.");
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new ProjectReadException(name + " cannot be read (" + e.getMessage() + ").", e);
        }
        if (size > limits.maxFileBytes()) {
            throw new ProjectReadException(name + " is " + size + " bytes, over the limit of " + limits.maxFileBytes() + ".");
        }
        Map<String, byte[]> entries = readEntries(file, name, limits);
        Manifest manifest = manifest(entries, name);
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("vernissage-open");
            PixelImage image = picture(entries, IMAGE, scratch, name, limits);
            if (image.width() != manifest.width() || image.height() != manifest.height()) {
                throw new ProjectReadException(name + " is damaged: its picture is " + image.width() + "x" + image.height()
                        + " but the project says " + manifest.width() + "x" + manifest.height() + ".");
            }
            Mask mask = mask(entries, scratch, name, image, limits);
            List<KeptVariant> variants = new ArrayList<>();
            for (VariantEntry v : manifest.variants() == null ? List.<VariantEntry>of() : manifest.variants()) {
                if (v == null || v.file() == null || !VARIANT.matcher(v.file()).matches()) {
                    throw new ProjectReadException(name + " is damaged: it lists a variant with a bad name.");
                }
                PixelImage picture = picture(entries, v.file(), scratch, name, limits);
                if (picture.width() != image.width() || picture.height() != image.height()) {
                    throw new ProjectReadException(name + " is damaged: variant " + v.file() + " is not the picture's size.");
                }
                variants.add(new KeptVariant(picture, v.settings() == null ? new GenerationRecord("", "", 0, 0, 0, 1, "", "", "") : v.settings()));
            }
            List<GenerationRecord> generations = manifest.generations() == null ? List.of()
                    : manifest.generations().stream().filter(java.util.Objects::nonNull).toList();
            return new Project(image, mask, generations, variants, canvas(manifest, name));
        } catch (IOException e) {
            throw new ProjectReadException(name + " cannot be opened (" + e.getMessage() + ").", e);
        } finally {
            deleteTree(scratch);
        }
    }

    private static Map<String, byte[]> readEntries(Path file, String name, ImageLimits limits) throws ProjectReadException {
        long entryLimit = Math.max(MAX_MANIFEST_BYTES, limits.maxPixels() * 8 + (1L << 20));
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new ProjectReadException(name + " holds " + zip.size() + " entries; a project has at most " + MAX_ENTRIES + ".");
            }
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String entryName = entry.getName();
                if (!entryName.equals(MANIFEST) && !entryName.equals(IMAGE) && !entryName.equals(MASK)
                        && !VARIANT.matcher(entryName).matches()) {
                    throw new ProjectReadException(name + " is not a Vernissage project: it holds an unexpected entry '"
                            + printable(entryName) + "'.");
                }
                if (entries.containsKey(entryName)) {
                    throw new ProjectReadException(name + " is damaged: it holds '" + entryName + "' twice.");
                }
                long limit = entryName.equals(MANIFEST) ? MAX_MANIFEST_BYTES : entryLimit;
                entries.put(entryName, readLimited(zip, entry, limit, name));
            }
        } catch (ZipException e) {
            throw new ProjectReadException(name + " is not a Vernissage project or is damaged (not a readable zip file).", e);
        } catch (IOException e) {
            throw new ProjectReadException(name + " is damaged (" + e.getMessage() + ").", e);
        }
        return entries;
    }

    private static byte[] readLimited(ZipFile zip, ZipEntry entry, long limit, String name)
            throws IOException, ProjectReadException {
        long packed = Math.max(1, entry.getCompressedSize());
        long ratioLimit = Math.max(64L << 20, packed * MAX_PACKING_RATIO);
        long cap = Math.min(limit, ratioLimit);
        try (InputStream in = zip.getInputStream(entry)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > cap || total > Integer.MAX_VALUE - 16) {
                    throw new ProjectReadException(name + " is refused: its entry '" + entry.getName()
                            + "' unpacks to more than " + cap + " bytes (a damaged file or a zip bomb).");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static Manifest manifest(Map<String, byte[]> entries, String name) throws ProjectReadException {
        byte[] json = entries.get(MANIFEST);
        if (json == null || !entries.containsKey(IMAGE)) {
            throw new ProjectReadException(name + " is not a Vernissage project (no " + (json == null ? MANIFEST : IMAGE) + " inside).");
        }
        Manifest m;
        try {
            m = JSON.readValue(json, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new ProjectReadException(name + " is damaged: its " + MANIFEST + " is not valid.", e);
        } catch (IOException e) {
            throw new ProjectReadException(name + " is damaged: its " + MANIFEST + " cannot be read.", e);
        }
        if (m == null || !FORMAT.equals(m.format())) {
            throw new ProjectReadException(name + " is not a Vernissage project (its format is not " + FORMAT + ").");
        }
        if (m.formatVersion() < 1) {
            throw new ProjectReadException(name + " is damaged: format version " + m.formatVersion() + ".");
        }
        if (m.formatVersion() > FORMAT_VERSION) {
            throw new ProjectReadException(name + " was saved by a newer Vernissage (project format " + m.formatVersion()
                    + "); this version opens formats 1 to " + FORMAT_VERSION + ".");
        }
        if (m.width() < 1 || m.height() < 1) {
            throw new ProjectReadException(name + " is damaged: it gives no picture size.");
        }
        return m;
    }

    /**
     * The stored canvas state, checked against the picture's size: empty for format 1 (which has
     * none; a {@code canvas} member there is not part of format 1 and is ignored like any unknown
     * member) and for a format-2 file written without one; a bad one refuses the file.
     */
    private static Optional<CanvasState> canvas(Manifest m, String name) throws ProjectReadException {
        CanvasEntry c = m.canvas();
        if (m.formatVersion() < CANVAS_SINCE || c == null) {
            return Optional.empty();
        }
        String bad = name + " is damaged: its canvas state ";
        if (c.contextWindow() == null || c.overlap() == null || c.padding() == null || c.preFill() == null) {
            throw new ProjectReadException(bad + "is incomplete.");
        }
        CanvasState.PreFillMethod fill = CanvasState.PreFillMethod.ofId(c.preFill()).orElseThrow(
                () -> new ProjectReadException(bad + "names an unknown pre-fill '" + printable(c.preFill()) + "'."));
        Optional<ContextWindow> window = Optional.empty();
        WindowEntry w = c.manualWindow();
        if (w != null) {
            if (w.x() == null || w.y() == null || w.width() == null || w.height() == null || w.workWidth() == null
                    || w.workHeight() == null) {
                throw new ProjectReadException(bad + "has an incomplete context window.");
            }
            if (w.x() < 0 || w.y() < 0 || w.width() < 1 || w.height() < 1
                    || (long) w.x() + w.width() > m.width() || (long) w.y() + w.height() > m.height()) {
                throw new ProjectReadException(bad + "has a context window (" + w.x() + "," + w.y() + " " + w.width()
                        + "x" + w.height() + ") outside the " + m.width() + "x" + m.height() + " picture.");
            }
            window = Optional.of(new ContextWindow(new Rect(w.x(), w.y(), w.width(), w.height()), w.workWidth(),
                    w.workHeight()));
        }
        try {
            CanvasState state = new CanvasState(c.contextWindow(), window, c.overlap(), c.padding(), fill);
            state.checkFits(m.width(), m.height());
            return Optional.of(state);
        } catch (IllegalArgumentException e) {
            throw new ProjectReadException(bad + "is not valid (" + e.getMessage() + ").", e);
        }
    }

    private static PixelImage picture(Map<String, byte[]> entries, String entry, Path scratch, String name,
                                      ImageLimits limits) throws ProjectReadException, IOException {
        byte[] data = entries.get(entry);
        if (data == null) {
            throw new ProjectReadException(name + " is damaged: " + entry + " is missing.");
        }
        Path temp = scratch.resolve(entry.replace('/', '-'));
        Files.write(temp, data);
        try {
            return ImageFiles.read(temp, limits);
        } catch (ImageReadException e) {
            throw new ProjectReadException(name + " is damaged: its " + entry + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static Mask mask(Map<String, byte[]> entries, Path scratch, String name, PixelImage image, ImageLimits limits)
            throws ProjectReadException, IOException {
        byte[] data = entries.get(MASK);
        if (data == null) {
            return Mask.filled(image.width(), image.height(), 0);
        }
        Path temp = scratch.resolve(MASK);
        Files.write(temp, data);
        try {
            return ImageFiles.readMask(temp, image.width(), image.height(), limits);
        } catch (ImageReadException e) {
            throw new ProjectReadException(name + " is damaged: its " + MASK + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String printable(String s) {
        String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Leftovers in the temporary folder are harmless and cleaned by the system.
        }
    }

    /**
     * Whether {@code file} should be opened as a project rather than a picture: its name ends in
     * {@value #EXTENSION} (any case), or it starts with a zip file's signature (no picture format does).
     * Reads at most four bytes; a file that cannot be read is not a project (the picture reader says why).
     */
    public static boolean isProject(Path file) {
        Path name = file.getFileName();
        if (name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION)) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
