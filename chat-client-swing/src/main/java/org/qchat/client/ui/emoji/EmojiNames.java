package org.qchat.client.ui.emoji;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The short names of the shipped emoji in the UI language ("thumbs up", "拇指向上"), from the
 * Unicode CLDR files beside the images: names_en.txt and names_zh.txt. Other languages get English.
 */
public final class EmojiNames {

    private static final Map<String, Map<String, String>> BY_LANGUAGE = new ConcurrentHashMap<>();

    private EmojiNames() {
    }

    /** The emoji's name in {@code locale}'s language, or null if it has none. */
    public static String of(String emoji, Locale locale) {
        String language = "zh".equals(locale.getLanguage()) ? "zh" : "en";
        return BY_LANGUAGE.computeIfAbsent(language, EmojiNames::read).get(EmojiImages.key(emoji));
    }

    private static Map<String, String> read(String language) {
        Map<String, String> names = new HashMap<>();
        for (String line : EmojiImages.lines("names_" + language + ".txt")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                names.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return names;
    }
}
