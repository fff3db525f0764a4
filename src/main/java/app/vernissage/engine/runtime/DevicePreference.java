package app.vernissage.engine.runtime;

import java.util.Locale;

/** Where the user wants the models to run. */
public enum DevicePreference {
    /** CUDA when its libraries load, CPU otherwise. */
    AUTO,
    /** CUDA or fail with a clear message. */
    CUDA,
    /** CPU only. */
    CPU;

    public static DevicePreference parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown device '" + text + "' (cuda, cpu or auto)");
        }
    }
}
