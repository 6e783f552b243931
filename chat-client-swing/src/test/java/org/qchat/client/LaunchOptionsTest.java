package org.qchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qchat.client.i18n.Language;
import org.qchat.client.transport.ServerAddress;

class LaunchOptionsTest {

    @Test
    void flagsSetServerLanguageThemeProfileAndUser() {
        LaunchOptions o = LaunchOptions.parse(new String[]{"--server", "10.0.0.5:9400", "--lang=zh", "--theme", "dark",
                "--profile", "bob", "--user", "bob"});

        assertThat(o.errors()).isEmpty();
        assertThat(o.server()).isEqualTo(new ServerAddress("10.0.0.5", 9400));
        assertThat(o.language()).isEqualTo(Language.CHINESE);
        assertThat(o.theme()).isEqualTo("dark");
        assertThat(o.profile()).isEqualTo("bob");
        assertThat(o.username()).isEqualTo("bob");
    }

    @Test
    void mistakesAreReportedNotGuessed() {
        LaunchOptions o = LaunchOptions.parse(new String[]{"--theme", "pink", "--bogus", "1", "--server"});

        assertThat(o.errors()).hasSize(3);
    }

    @Test
    void nothingGivenMeansSavedOrDefaultChoices() {
        LaunchOptions o = LaunchOptions.parse(new String[0]);

        assertThat(o.server()).isNull();
        assertThat(o.language()).isNull();
        assertThat(o.theme()).isNull();
        assertThat(o.help()).isFalse();
    }
}
