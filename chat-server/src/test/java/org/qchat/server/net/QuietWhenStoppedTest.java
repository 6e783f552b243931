package org.qchat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.ShutdownChannelGroupException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An I/O thread ended by the stopping channel group prints no stack trace; any other death still does. */
class QuietWhenStoppedTest {

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStderr() {
        original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(original);
    }

    @Test
    void aThreadKilledByTheShutDownGroupLeavesStderrEmpty() throws Exception {
        die(new ShutdownChannelGroupException());

        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aThreadKilledByAnythingElseStillPrintsItsStackTrace() throws Exception {
        die(new IllegalStateException("a real fault"));

        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("IllegalStateException", "a real fault");
    }

    private static void die(RuntimeException cause) throws InterruptedException {
        Thread thread = FixedPoolTioServer.quietWhenStopped(Thread::new).newThread(() -> {
            throw cause;
        });
        thread.start();
        thread.join();
    }
}
