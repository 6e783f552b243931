package org.qchat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ShutdownChannelGroupException;

import org.junit.jupiter.api.Test;

/** Which close causes are the end of a shutdown (one log line) rather than a fault (a stack trace). */
class StoppedUnderItTest {

    @Test
    void aReadRefusedByTheStoppedChannelGroupIsPartOfTheShutdown() {
        assertThat(ServerConnectionListener.stoppedUnderIt(new ShutdownChannelGroupException())).isTrue();
    }

    @Test
    void theRefusalStillCountsWhenT_ioWrapsIt() {
        assertThat(ServerConnectionListener.stoppedUnderIt(
                new IllegalStateException("read failed", new ShutdownChannelGroupException()))).isTrue();
    }

    @Test
    void anyOtherFailureIsAFaultWorthItsStackTrace() {
        assertThat(ServerConnectionListener.stoppedUnderIt(new IllegalStateException("decoder bug"))).isFalse();
        assertThat(ServerConnectionListener.stoppedUnderIt(new NullPointerException())).isFalse();
    }
}
