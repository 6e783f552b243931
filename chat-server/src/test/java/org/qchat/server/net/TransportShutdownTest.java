package org.qchat.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.ServerHarness;

/** A stopped server leaves no socket thread behind, busy or idle. */
class TransportShutdownTest {

    @Test
    void stoppingTheServerEndsEveryOneOfItsIoThreads() {
        try (ServerHarness server = ServerHarness.start(Backend.EMBEDDED)) {
            server.newUser("shutdown").ping();
            assertThat(ioThreads()).isPositive();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ioThreads() == 0);
    }

    private static long ioThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("qchat-tio-io"))
                .count();
    }
}
