package org.qchat.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerListTest {

    @Test
    void parsesEveryEntryAsAnAddressInOrder() {
        assertThat(ServerList.parse("a:9321, b ,[::1]:9400").addresses()).containsExactly(
                new ServerAddress("a", 9321), new ServerAddress("b", 9321), new ServerAddress("::1", 9400));
        assertThat(ServerList.parse("a,b:7", 9500).addresses())
                .containsExactly(new ServerAddress("a", 9500), new ServerAddress("b", 7));
    }

    @Test
    void aSingleAddressIsAListOfOneWithThatAddressKeyAndText() {
        ServerList one = ServerList.parse("Chat.Example:9400");

        assertThat(one.addresses()).containsExactly(new ServerAddress("Chat.Example", 9400));
        assertThat(one.key()).isEqualTo(new ServerAddress("Chat.Example", 9400).key());
        assertThat(one.toString()).isEqualTo("Chat.Example:9400");
    }

    @Test
    void printsBackWhatItParses() {
        ServerList list = ServerList.parse("a:1,[::1]:2,b");

        assertThat(list.toString()).isEqualTo("a:1,[::1]:2,b:9321");
        assertThat(ServerList.parse(list.toString())).isEqualTo(list);
    }

    @Test
    void theKeyIsTheFirstAddressSoAddingFailoverNodesKeepsIt() {
        assertThat(ServerList.parse("a:1,b:2").key()).isEqualTo(ServerList.parse("a:1").key());
        assertThat(ServerList.parse("b:2,a:1").key()).isNotEqualTo(ServerList.parse("a:1").key());
    }

    @Test
    void aBadEntryIsNamed() {
        assertThatThrownBy(() -> ServerList.parse("a:9321,b:port"))
                .isInstanceOfSatisfying(ServerList.BadEntry.class, e -> assertThat(e.entry()).isEqualTo("b:port"))
                .hasMessageContaining("\"b:port\"");
        assertThatThrownBy(() -> ServerList.parse("a:9321,,b"))
                .isInstanceOfSatisfying(ServerList.BadEntry.class, e -> assertThat(e.entry()).isEmpty());
        assertThatThrownBy(() -> ServerList.parse("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}
