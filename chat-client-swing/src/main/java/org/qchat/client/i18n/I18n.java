package org.qchat.client.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-visible text, from the bundles {@code org/qchat/client/i18n/messages*.properties}
 * (English as the base, {@code _zh_CN} Chinese). One language at a time for the whole app, chosen
 * at start and when the user changes it (the windows are then rebuilt); read on the Swing thread.
 */
public final class I18n {

    public static final String BUNDLE = "org.qchat.client.i18n.messages";

    /*
     * No fallback to the JVM's default locale: on a Chinese system, asking for English must give
     * the base (English) bundle, not the Chinese one.
     */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static Locale locale = Locale.ENGLISH;
    private static ResourceBundle bundle = load(Locale.ENGLISH);

    private I18n() {
    }

    /** Switches the language of every text looked up from now on. */
    public static void use(Language language) {
        use(language.locale(Locale.getDefault()));
    }

    public static void use(Locale newLocale) {
        locale = newLocale;
        bundle = load(newLocale);
    }

    public static Locale locale() {
        return locale;
    }

    public static boolean isChinese() {
        return "zh".equals(locale.getLanguage());
    }

    /** The bundle for a locale, for tests that compare languages. */
    public static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    /**
     * The text for {@code key}, with {@code args} filled into {0}, {1}… A missing key shows as
     * the key itself in brackets rather than failing, so a gap is visible but harmless.
     */
    public static String tr(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
        if (args.length == 0) {
            return pattern;
        }
        if (Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
            pattern = CjkSpacing.fit(pattern, args);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    public static boolean has(String key) {
        return bundle.containsKey(key);
    }
}
