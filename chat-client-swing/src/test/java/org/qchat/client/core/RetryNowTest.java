package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.user;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.PresencePush;

/** While the link is down: "Retry now" reaches the transport, and friends keep their last known presence. */
class RetryNowTest {

    private static final UserInfo ME = user(1, "Alice");
    private final ClientHarness h = new ClientHarness();

    @BeforeEach
    void loggedIn() {
        h.loginAs(ME, List.of(Wire.friend(2, "Bob", true, 12), Wire.friend(3, "Carol", false, 13)), List.of(),
                List.of(Wire.privateConv(12, 2, 0, 0), Wire.privateConv(13, 3, 0, 0)));
    }

    @Test
    void retryNowWhileReconnectingAsksTheTransportForTheNextAttemptAtOnce() {
        h.transport().drop("cable pulled");
        assertThat(h.client.session().state()).isEqualTo(ConnectionState.RECONNECTING);

        h.client.retryNow();

        assertThat(h.transport().retriesNow()).isEqualTo(1);
    }

    @Test
    void retryNowWhileOnlineDoesNothing() {
        h.client.retryNow();

        assertThat(h.transport().retriesNow()).isZero();
    }

    @Test
    void friendsKeepTheirLastKnownPresenceWhileReconnecting() {
        h.transport().receive(new PresencePush(3, true));

        h.transport().drop("cable pulled");

        assertThat(h.client.session().state()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(h.client.contacts().get(2).orElseThrow().online()).isTrue();
        assertThat(h.client.contacts().get(3).orElseThrow().online()).isTrue();
    }
}
