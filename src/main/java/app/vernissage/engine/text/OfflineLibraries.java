package app.vernissage.engine.text;

/**
 * Switches off the network habits of third-party libraries before they load: DJL reports usage
 * (it contacts a cloud metadata address) unless {@code OPT_OUT_TRACKING} is set, and downloads
 * native code unless offline mode is on.
 */
public final class OfflineLibraries {
    private OfflineLibraries() {
    }

    public static void enforce() {
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
    }
}
