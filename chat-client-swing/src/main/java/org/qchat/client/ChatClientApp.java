package org.qchat.client;

import java.util.Locale;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.qchat.client.i18n.I18n;
import org.qchat.client.i18n.Language;
import org.qchat.client.ui.ClientApplication;
import org.qchat.client.ui.Theme;

/**
 * Entry point of the desktop client. Like FlatLaf's demo: settle options and system properties
 * first, then build every window on the Swing event thread.
 */
public final class ChatClientApp {

    private ChatClientApp() {
    }

    public static void main(String[] args) {
        LaunchOptions options = LaunchOptions.parse(args);
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        if (!options.errors().isEmpty()) {
            options.errors().forEach(e -> System.err.println("qchat-client: " + e));
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
        }
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            System.err.println("qchat-client: no display available (is DISPLAY set?). The client needs a desktop.");
            System.exit(1);
        }
        // Text antialiasing on X11 desktops that do not announce their settings (e.g. Xvfb).
        if (System.getProperty("awt.useSystemAAFontSettings") == null) {
            System.setProperty("awt.useSystemAAFontSettings", "on");
        }
        ClientPreferences prefs = ClientPreferences.forProfile(options.profile());
        if (options.language() != null) {
            prefs.setLanguage(options.language());
        }
        if (options.theme() != null) {
            prefs.setTheme(options.theme());
        }
        Language language = prefs.language();
        String theme = prefs.theme();
        SwingUtilities.invokeLater(() -> {
            I18n.use(language);
            Locale.setDefault(Locale.Category.DISPLAY, I18n.locale());
            JComponent.setDefaultLocale(I18n.locale());
            Theme.apply(theme);
            new ClientApplication(options, prefs).start();
        });
    }
}
