package org.qchat.client.ui.media;

import java.util.Locale;

/** File sizes as people read them. */
public final class Sizes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};

    private Sizes() {
    }

    /**
     * "12 B", "532 KB", "1.2 MB": binary steps of 1024 with the customary short names, one decimal
     * below 10 and none above. A value that would round to four digits moves to the next unit
     * ("1.0 MB", not "1024 KB"), so the text stays short. The same in every language: Chinese
     * file managers use these units too.
     */
    public static String human(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 999.5 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value < 9.95 ? String.format(Locale.ROOT, "%.1f", value)
                : Long.toString(Math.round(value));
        return number + " " + UNITS[unit];
    }

    /** A transfer rate: "1.2 MB/s". */
    public static String perSecond(long bytesPerSecond) {
        return human(bytesPerSecond) + "/s";
    }
}
