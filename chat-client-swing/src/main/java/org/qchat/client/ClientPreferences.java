package org.qchat.client;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.qchat.client.core.SessionStore;
import org.qchat.client.i18n.Language;
import org.qchat.client.transport.ServerAddress;
import org.qchat.client.transport.ServerList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the client remembers between runs, in {@link java.util.prefs} user preferences:
 * server, last username, device name, language, theme, downloads folder, and — only with
 * "remember me" — the session token. Never the password. A profile name gives a separate set (two clients on one
 * machine, test scripts).
 */
public final class ClientPreferences implements SessionStore {

    private static final Logger log = LoggerFactory.getLogger(ClientPreferences.class);
    private static final String ROOT = "org/qchat/client";

    /** The whole list, {@code a:9321,b:9321}; HOST and PORT keep its first address for older clients. */
    private static final String SERVERS = "server.list";
    private static final String HOST = "server.host";
    private static final String PORT = "server.port";
    private static final String USERNAME = "username";
    private static final String REMEMBER = "remember";
    private static final String DEVICE = "device";
    private static final String LANGUAGE = "language";
    private static final String THEME = "theme";
    private static final String DOWNLOADS = "downloads.dir";
    private static final String SOUND = "sound";
    private static final String CLOSE_TO_TRAY = "window.closeToTray";
    private static final String SAVED_TOKEN = "session.token";
    private static final String SAVED_USERNAME = "session.username";
    private static final String SAVED_SERVER = "session.server";

    private final Preferences node;
    private final AppFolders folders;

    public ClientPreferences(Preferences node) {
        this(node, AppFolders.system());
    }

    public ClientPreferences(Preferences node, AppFolders folders) {
        this.node = node;
        this.folders = folders;
    }

    /** The preferences of a profile; null or blank is the default profile. */
    public static ClientPreferences forProfile(String profile) {
        Preferences root = Preferences.userRoot().node(ROOT);
        return new ClientPreferences(profile == null || profile.isBlank() ? root
                : root.node("profiles").node(profile.strip()));
    }

    public Preferences node() {
        return node;
    }

    /** The server last used: its list, or the single address an older version saved, else {@code fallback}. */
    public ServerList servers(ServerList fallback) {
        try {
            String list = node.get(SERVERS, null);
            if (list != null) {
                return ServerList.parse(list);
            }
            String host = node.get(HOST, null);
            return host == null ? fallback
                    : ServerList.of(new ServerAddress(host, node.getInt(PORT, ServerAddress.DEFAULT_PORT)));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    public void setServers(ServerList servers) {
        node.put(SERVERS, servers.toString());
        node.put(HOST, servers.first().host());
        node.putInt(PORT, servers.first().port());
    }

    public String username() {
        return node.get(USERNAME, "");
    }

    public void setUsername(String username) {
        node.put(USERNAME, username);
    }

    public boolean remember() {
        return node.getBoolean(REMEMBER, false);
    }

    public void setRemember(boolean remember) {
        node.putBoolean(REMEMBER, remember);
    }

    public Language language() {
        return Language.parse(node.get(LANGUAGE, "system"));
    }

    public void setLanguage(Language language) {
        node.put(LANGUAGE, language.code() == null ? "system" : language.code());
    }

    /** "light" or "dark". */
    public String theme() {
        return "dark".equals(node.get(THEME, "light")) ? "dark" : "light";
    }

    public void setTheme(String theme) {
        node.put(THEME, "dark".equals(theme) ? "dark" : "light");
    }

    /** Whether new messages play a sound (on unless switched off). */
    public boolean soundOn() {
        return node.getBoolean(SOUND, true);
    }

    public void setSoundOn(boolean on) {
        node.putBoolean(SOUND, on);
    }

    /**
     * Where downloaded files go: the folder the user chose, else {@link AppFolders#defaultDownloads()}.
     * May look at the disk: call it off the Swing thread (the file worker does).
     */
    public Path downloadsDir() {
        String chosen = node.get(DOWNLOADS, null);
        if (chosen != null) {
            try {
                return Path.of(chosen);
            } catch (InvalidPathException e) {
                log.warn("ignoring the saved downloads folder {}: {}", chosen, e.getMessage());
            }
        }
        return folders.defaultDownloads();
    }

    /** Keeps {@code dir} as the downloads folder; null goes back to the default. */
    public void setDownloadsDir(Path dir) {
        if (dir == null) {
            node.remove(DOWNLOADS);
        } else {
            node.put(DOWNLOADS, dir.toAbsolutePath().toString());
        }
    }

    /** Whether closing the main window keeps the app running in the tray (where there is one); on unless turned off. */
    public boolean closeToTray() {
        return node.getBoolean(CLOSE_TO_TRAY, true);
    }

    public void setCloseToTray(boolean closeToTray) {
        node.putBoolean(CLOSE_TO_TRAY, closeToTray);
    }

    // ---- SessionStore -------------------------------------------------------------------------

    @Override
    public String deviceName() {
        String device = node.get(DEVICE, null);
        if (device == null) {
            device = "swing-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            node.put(DEVICE, device);
            flush();
        }
        return device;
    }

    @Override
    public void rememberDevice(String device) {
        node.put(DEVICE, device);
        flush();
    }

    @Override
    public Optional<SavedSession> savedSession() {
        String token = node.get(SAVED_TOKEN, null);
        String username = node.get(SAVED_USERNAME, null);
        String server = node.get(SAVED_SERVER, null);
        if (token == null || username == null || server == null) {
            return Optional.empty();
        }
        try {
            // A single address, as older versions saved it, parses as a list of one.
            return Optional.of(new SavedSession(ServerList.parse(server), username, token));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void saveSession(SavedSession session) {
        node.put(SAVED_TOKEN, session.token());
        node.put(SAVED_USERNAME, session.username());
        node.put(SAVED_SERVER, session.servers().toString());
        flush();
    }

    @Override
    public void forgetSession() {
        node.remove(SAVED_TOKEN);
        node.remove(SAVED_USERNAME);
        node.remove(SAVED_SERVER);
        flush();
    }

    /** Writes through now, so a token is not lost (or a forgotten one kept) if the app is killed. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            log.warn("could not save preferences: {}", e.toString());
        }
    }
}
