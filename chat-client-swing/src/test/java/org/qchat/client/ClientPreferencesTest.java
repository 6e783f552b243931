package org.qchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.SessionStore;
import org.qchat.client.i18n.Language;
import org.qchat.client.transport.ServerAddress;
import org.qchat.client.transport.ServerList;

class ClientPreferencesTest {

    private final Preferences node = Preferences.userRoot().node("org/qchat/client-test/" + UUID.randomUUID());
    private final ClientPreferences prefs = new ClientPreferences(node);

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void theDownloadsFolderIsTheDefaultUntilOneIsChosen() {
        Path home = Path.of("/home/alice");
        ClientPreferences withFolders = new ClientPreferences(node, new AppFolders("Linux", home, name -> null));
        assertThat(withFolders.downloadsDir()).isEqualTo(home.resolve("Downloads/qchat"));

        withFolders.setDownloadsDir(Path.of("/data/incoming"));
        assertThat(new ClientPreferences(node).downloadsDir()).isEqualTo(Path.of("/data/incoming").toAbsolutePath());

        withFolders.setDownloadsDir(null);
        assertThat(withFolders.downloadsDir()).isEqualTo(home.resolve("Downloads/qchat"));
    }

    @Test
    void aDeviceNameIsMadeOnceAndKept() {
        String device = prefs.deviceName();

        assertThat(device).matches("[A-Za-z0-9._:-]{1,64}");
        assertThat(new ClientPreferences(node).deviceName()).isEqualTo(device);
    }

    @Test
    void aRememberedSessionHoldsTheTokenAndCanBeForgotten() {
        prefs.saveSession(new SessionStore.SavedSession(ServerList.of(new ServerAddress("chat.example", 9400)), "alice", "tok"));

        assertThat(new ClientPreferences(node).savedSession()).get()
                .isEqualTo(new SessionStore.SavedSession(ServerList.of(new ServerAddress("chat.example", 9400)), "alice", "tok"));
        prefs.forgetSession();
        assertThat(prefs.savedSession()).isEmpty();
    }

    @Test
    void aListOfServersIsRememberedWholeAndItsSessionToo() {
        ServerList cluster = ServerList.parse("a.chat.example:9321,b.chat.example:9400,[::1]:9321");
        prefs.setServers(cluster);
        prefs.saveSession(new SessionStore.SavedSession(cluster, "alice", "tok"));

        ClientPreferences again = new ClientPreferences(node);
        assertThat(again.servers(ServerList.of(new ServerAddress("localhost", 9321)))).isEqualTo(cluster);
        assertThat(again.savedSession()).get().extracting(SessionStore.SavedSession::servers).isEqualTo(cluster);
    }

    @Test
    void aSingleServerSavedByAnOlderVersionIsReadAsAListOfOne() {
        node.put("server.host", "old.example");
        node.putInt("server.port", 9400);
        node.put("session.server", "old.example:9400");
        node.put("session.token", "tok");
        node.put("session.username", "alice");

        assertThat(prefs.servers(ServerList.of(new ServerAddress("localhost", 9321))))
                .isEqualTo(ServerList.of(new ServerAddress("old.example", 9400)));
        assertThat(prefs.savedSession()).get().extracting(SessionStore.SavedSession::servers)
                .isEqualTo(ServerList.of(new ServerAddress("old.example", 9400)));
    }

    @Test
    void noServerSavedGivesTheFallback() {
        ServerList fallback = ServerList.parse("x:1,y:2");

        assertThat(prefs.servers(fallback)).isEqualTo(fallback);
    }

    @Test
    void noPasswordIsEverStored() throws BackingStoreException {
        prefs.setUsername("alice");
        prefs.saveSession(new SessionStore.SavedSession(ServerList.of(new ServerAddress("h", 1)), "alice", "tok"));

        assertThat(node.keys()).noneMatch(k -> k.toLowerCase().contains("password"));
    }

    @Test
    void languageThemeAndServerAreRemembered() {
        prefs.setLanguage(Language.CHINESE);
        prefs.setTheme("dark");
        prefs.setServers(ServerList.of(new ServerAddress("chat.example", 9400)));

        ClientPreferences again = new ClientPreferences(node);
        assertThat(again.language()).isEqualTo(Language.CHINESE);
        assertThat(again.theme()).isEqualTo("dark");
        assertThat(again.servers(ServerList.of(new ServerAddress("localhost", 9321))))
                .isEqualTo(ServerList.of(new ServerAddress("chat.example", 9400)));
    }
}
