package app.vernissage.ui.models;

import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.PlacementPreset;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The placement and memory mode the editor runs the models with, stored in the app's preferences
 * node under {@value #KEY_PLACEMENT} ({@code cpu}, {@code gpu}, {@code text-cpu}) and
 * {@value #KEY_MEMORY_MODE} ({@code KEEP_LOADED}, {@code PER_STAGE}).
 */
public record PlacementSettings(PlacementPreset preset, MemoryMode mode) {
    public static final String KEY_PLACEMENT = "placement";
    public static final String KEY_MEMORY_MODE = "memoryMode";
    /** What the editor did before placements existed: everything on the detected device, kept loaded. */
    public static final PlacementSettings DEFAULT = new PlacementSettings(PlacementPreset.ALL_GPU, MemoryMode.KEEP_LOADED);

    public PlacementSettings {
        if (preset == null || mode == null) {
            throw new IllegalArgumentException("a placement needs a preset and a memory mode");
        }
    }

    /** The stored choice, or {@link #DEFAULT} when nothing (or something unreadable) is stored. */
    public static PlacementSettings load(Preferences prefs) {
        if (prefs == null) {
            return DEFAULT;
        }
        try {
            String p = prefs.get(KEY_PLACEMENT, null);
            String m = prefs.get(KEY_MEMORY_MODE, null);
            return new PlacementSettings(p == null ? DEFAULT.preset() : PlacementPreset.parse(p),
                    m == null ? DEFAULT.mode() : MemoryMode.valueOf(m));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return DEFAULT;
        }
    }

    /** Stores the choice; throws when the preferences cannot be written. */
    public void store(Preferences prefs) throws BackingStoreException {
        prefs.put(KEY_PLACEMENT, preset.key());
        prefs.put(KEY_MEMORY_MODE, mode.name());
        prefs.flush();
    }
}
