package org.qchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qchat.client.i18n.Language;
import org.qchat.client.transport.ServerAddress;
import org.qchat.client.transport.ServerList;

class LaunchOptionsTest {

    @Test
    void flagsSetServerLanguageThemeProfileAndUser() {
        LaunchOptions o = LaunchOptions.parse(new String[]{"--server", "10.0.0.5:9400", "--lang=zh", "--theme", "dark",
                "--profile", "bob", "--user", "bob"});

        assertThat(o.errors()).isEmpty();
        assertThat(o.servers()).isEqualTo(ServerList.of(new ServerAddress("10.0.0.5", 9400)));
        assertThat(o.language()).isEqualTo(Language.CHINESE);
        assertThat(o.theme()).isEqualTo("dark");
        assertThat(o.profile()).isEqualTo("bob");
        assertThat(o.username()).isEqualTo("bob");
    }

    @Test
    void severalServersAreACommaSeparatedList() {
        LaunchOptions o = LaunchOptions.parse(new String[]{"--server", "a.example:9321, b.example,[::1]:9400"});

        assertThat(o.errors()).isEmpty();
        assertThat(o.servers().addresses()).containsExactly(new ServerAddress("a.example", 9321),
                new ServerAddress("b.example", 9321), new ServerAddress("::1", 9400));
    }

    @Test
    void theSystemPropertyTakesTheSameList() {
        String before = System.getProperty("qchat.server");
        System.setProperty("qchat.server", "a:1,b:2");
        try {
            LaunchOptions o = LaunchOptions.parse(new String[0]);

            assertThat(o.servers()).isEqualTo(ServerList.of(new ServerAddress("a", 1), new ServerAddress("b", 2)));
        } finally {
            if (before == null) {
                System.clearProperty("qchat.server");
            } else {
                System.setProperty("qchat.server", before);
            }
        }
    }

    @Test
    void aBadEntryInTheListIsNamedInTheError() {
        LaunchOptions o = LaunchOptions.parse(new String[]{"--server=a:9321,b:http,c"});

        assertThat(o.errors()).singleElement().asString().startsWith("--server:").contains("\"b:http\"");
        assertThat(o.servers()).isNull();
    }

    @Test
    void mistakesAreReportedNotGuessed() {
        LaunchOptions o = LaunchOptions.parse(new String[]{"--theme", "pink", "--bogus", "1", "--server"});

        assertThat(o.errors()).hasSize(3);
    }

    @Test
    void nothingGivenMeansSavedOrDefaultChoices() {
        LaunchOptions o = LaunchOptions.parse(new String[0]);

        assertThat(o.servers()).isNull();
        assertThat(o.language()).isNull();
        assertThat(o.theme()).isNull();
        assertThat(o.help()).isFalse();
    }
}
