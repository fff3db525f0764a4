package app.vernissage.ui.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The last {@value #MAX} pictures opened, newest first, kept in a preferences node under
 * {@value #KEY} as one path per line. Without a node (tests, screenshots) the list lives in memory only.
 */
public final class RecentFiles {
    public static final int MAX = 10;
    public static final String KEY = "recentFiles";

    private final Preferences node;
    private final List<Path> files = new ArrayList<>();

    /** @param node where to keep the list, e.g. {@code Preferences.userRoot().node("app/vernissage")}; null for memory only */
    public RecentFiles(Preferences node) {
        this.node = node;
        if (node != null) {
            for (String line : node.get(KEY, "").split("\n")) {
                if (!line.isBlank() && files.size() < MAX) {
                    try {
                        files.add(Path.of(line));
                    } catch (java.nio.file.InvalidPathException e) {
                        // A path from another system: skip it.
                    }
                }
            }
        }
    }

    /** Newest first, at most {@value #MAX}. */
    public List<Path> files() {
        return List.copyOf(files);
    }

    /** Puts {@code file} first (moving it if it was there) and saves the list. */
    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        files.remove(p);
        files.addFirst(p);
        while (files.size() > MAX) {
            files.removeLast();
        }
        save();
    }

    /** Drops {@code file} (e.g. it no longer opens) and saves the list. */
    public void remove(Path file) {
        if (files.remove(file.toAbsolutePath().normalize())) {
            save();
        }
    }

    public void clear() {
        files.clear();
        save();
    }

    private void save() {
        if (node == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Path p : files) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(p);
        }
        // Preferences values are limited to 8 KiB; ten paths fit unless they are absurdly long.
        String value = sb.length() <= Preferences.MAX_VALUE_LENGTH ? sb.toString()
                : sb.substring(0, sb.lastIndexOf("\n", Preferences.MAX_VALUE_LENGTH));
        node.put(KEY, value);
        try {
            node.flush();
        } catch (java.util.prefs.BackingStoreException e) {
            // Kept in memory; the preferences store will try again later.
        }
    }
}
