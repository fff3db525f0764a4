package app.vernissage.core.project;

import app.vernissage.core.image.ImageLimits;
import app.vernissage.core.io.AtomicFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recovery copies of unsaved work: for each id a project file {@code <id>.vernissage} and a small
 * {@code <id>.json} with the original path and the time of the copy, both written atomically. The
 * folder is given (tests use a temporary one); {@link #defaultDir()} is the user's state folder.
 */
public final class RecoveryStore {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final long MAX_INFO_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The small JSON beside each recovery project. */
    record Info(String original, String savedAt) {
    }

    /**
     * One recovery copy.
     *
     * @param id       its id (the file names' stem)
     * @param project  the recovery project file
     * @param original where the work came from (a picture or a project), if anywhere
     * @param savedAt  when the copy was written
     */
    public record Entry(String id, Path project, Optional<Path> original, Instant savedAt) {
        /** The original file's name, or "" for work that never had a file. */
        public String originalName() {
            return original.map(Path::getFileName).map(Path::toString).orElse("");
        }
    }

    private final Path dir;

    public RecoveryStore(Path dir) {
        this.dir = dir;
    }

    /** {@code $XDG_STATE_HOME/vernissage/recovery}, or {@code ~/.local/state/vernissage/recovery}. */
    public static Path defaultDir() {
        return defaultDir(System.getenv("XDG_STATE_HOME"), System.getProperty("user.home"));
    }

    static Path defaultDir(String xdgStateHome, String home) {
        Path base = null;
        if (xdgStateHome != null && !xdgStateHome.isBlank()) {
            try {
                Path p = Path.of(xdgStateHome);
                base = p.isAbsolute() ? p : null; // the XDG spec says relative values are ignored
            } catch (InvalidPathException e) {
                base = null;
            }
        }
        if (base == null) {
            base = Path.of(home, ".local", "state");
        }
        return base.resolve("vernissage").resolve("recovery");
    }

    public Path dir() {
        return dir;
    }

    /** A fresh id for a new piece of work. */
    public static String newId() {
        return java.util.UUID.randomUUID().toString();
    }

    /** Writes (or replaces) the recovery copy {@code id}: the project first, then its JSON. */
    public void write(String id, Project project, Path original, Instant savedAt) throws IOException {
        checkId(id);
        Files.createDirectories(dir);
        ProjectFile.write(project, dir.resolve(id + ProjectFile.EXTENSION));
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                new Info(original == null ? null : original.toAbsolutePath().toString(), savedAt.toString()));
        AtomicFiles.write(dir.resolve(id + ".json"), out -> out.write(json));
    }

    /** The recovery copies whose project and JSON are both there, newest first; unreadable ones are skipped. */
    public List<Entry> list() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path json : files) {
                String name = json.getFileName().toString();
                String id = name.substring(0, name.length() - ".json".length());
                Path project = dir.resolve(id + ProjectFile.EXTENSION);
                if (!ID.matcher(id).matches() || !Files.isRegularFile(project) || Files.size(json) > MAX_INFO_BYTES) {
                    continue;
                }
                try {
                    Info info = JSON.readValue(json.toFile(), Info.class);
                    Optional<Path> original = info.original() == null || info.original().isBlank()
                            ? Optional.empty() : Optional.of(Path.of(info.original()));
                    entries.add(new Entry(id, project, original, Instant.parse(info.savedAt())));
                } catch (IOException | DateTimeParseException | InvalidPathException | NullPointerException e) {
                    // a broken note: leave it out
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::savedAt).reversed());
        return entries;
    }

    /** Reads a recovery copy, with the same checks as any project. */
    public Project read(Entry entry, ImageLimits limits) throws ProjectReadException {
        return ProjectFile.read(entry.project(), limits);
    }

    /** Removes the recovery copy {@code id} (nothing happens when there is none). */
    public void delete(String id) throws IOException {
        checkId(id);
        Files.deleteIfExists(dir.resolve(id + ".json"));
        Files.deleteIfExists(dir.resolve(id + ProjectFile.EXTENSION));
    }

    private static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a recovery id: " + id);
        }
    }
}
