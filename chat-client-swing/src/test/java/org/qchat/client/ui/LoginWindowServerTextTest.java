package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qchat.client.transport.ServerList;

/** What the login window's host field shows reads back as the same servers, with no window needed. */
class LoginWindowServerTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"chat.example:9321", "[::1]:9400", "a:9321,b:9321", "a:9321,b:9400", "[::1]:9321,b:9321"})
    void theHostFieldAndThePortFieldReadBackAsTheSameServers(String list) {
        ServerList servers = ServerList.parse(list);

        String shown = LoginWindow.hostText(servers);

        assertThat(ServerList.parse(shown, servers.first().port())).isEqualTo(servers);
    }

    @Test
    void aSingleServerShowsItsHostAloneAsBeforeAndAListWithOnePortShowsOnlyHosts() {
        assertThat(LoginWindow.hostText(ServerList.parse("chat.example:9400"))).isEqualTo("chat.example");
        assertThat(LoginWindow.hostText(ServerList.parse("a:9400,b:9400"))).isEqualTo("a,b");
        assertThat(LoginWindow.hostText(ServerList.parse("a:9400,b:9321"))).isEqualTo("a:9400,b:9321");
    }
}
