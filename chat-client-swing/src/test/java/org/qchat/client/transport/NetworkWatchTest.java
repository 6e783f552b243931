package org.qchat.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The network counts as back only when it was seen down and is now up. */
class NetworkWatchTest {

    private final AtomicInteger returns = new AtomicInteger();

    private NetworkWatch watching(Boolean... states) {
        Deque<Boolean> seen = new ArrayDeque<>(List.of(states));
        return new NetworkWatch(seen::removeFirst, returns::incrementAndGet);
    }

    @Test
    void downThenUpIsAReturn() {
        NetworkWatch watch = watching(true, false, false, true, true);
        for (int i = 0; i < 5; i++) {
            watch.look();
        }
        assertThat(returns).hasValue(1);
    }

    @Test
    void aNetworkThatWasUpAllAlongNeverReturns() {
        NetworkWatch watch = watching(true, true, true);
        for (int i = 0; i < 3; i++) {
            watch.look();
        }
        assertThat(returns).hasValue(0);
    }

    @Test
    void eachOutageEndsInItsOwnReturn() {
        NetworkWatch watch = watching(false, true, false, true);
        for (int i = 0; i < 4; i++) {
            watch.look();
        }
        assertThat(returns).hasValue(2);
    }
}
