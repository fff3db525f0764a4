package app.vernissage.core.image;

import java.util.Locale;

/** Formats byte sizes and counts for messages meant for people. */
final class Sizes {
    private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB"};

    private Sizes() {
    }

    /** {@code 1536} becomes {@code "1.5 KiB"}; sizes below 1 KiB stay in bytes. */
    static String bytes(long size) {
        if (size < 1024) {
            return size + (size == 1 ? " byte" : " bytes");
        }
        double value = size;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + UNITS[unit];
    }

    /** {@code 268435456} becomes {@code "268,435,456"}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
