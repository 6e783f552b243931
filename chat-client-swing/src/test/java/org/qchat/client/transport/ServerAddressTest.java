package org.qchat.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void parsesHostAndPortAndDefaultsThePort() {
        assertThat(ServerAddress.parse("chat.example:9400")).isEqualTo(new ServerAddress("chat.example", 9400));
        assertThat(ServerAddress.parse(" chat.example ")).isEqualTo(new ServerAddress("chat.example", 9321));
        assertThat(ServerAddress.parse("[::1]:9400")).isEqualTo(new ServerAddress("::1", 9400));
        assertThat(ServerAddress.parse("::1")).isEqualTo(new ServerAddress("::1", 9321));
    }

    @Test
    void printsBackWhatItParses() {
        assertThat(ServerAddress.parse(new ServerAddress("::1", 1).toString())).isEqualTo(new ServerAddress("::1", 1));
        assertThat(new ServerAddress("h", 5).toString()).isEqualTo("h:5");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> ServerAddress.parse("host:port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerAddress.parse("host:70000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerAddress.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
