package org.qchat.client.i18n;

import java.util.Locale;

/** The languages the client speaks. {@link #SYSTEM} follows the operating system's locale. */
public enum Language {
    SYSTEM(null),
    ENGLISH("en"),
    CHINESE("zh");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The short code used in preferences and on the command line ("en", "zh"), or null for SYSTEM. */
    public String code() {
        return code;
    }

    /** The locale to use, given the system's: Chinese for any zh_* system locale, English otherwise. */
    public Locale locale(Locale system) {
        return switch (this) {
            case ENGLISH -> Locale.ENGLISH;
            case CHINESE -> Locale.SIMPLIFIED_CHINESE;
            case SYSTEM -> "zh".equals(system.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        };
    }

    /** Parses "en", "zh", "zh_CN", "system" (any case); unknown text means SYSTEM. */
    public static Language parse(String text) {
        if (text == null) {
            return SYSTEM;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("zh") || t.equals("chinese")) {
            return CHINESE;
        }
        if (t.startsWith("en") || t.equals("english")) {
            return ENGLISH;
        }
        return SYSTEM;
    }
}
