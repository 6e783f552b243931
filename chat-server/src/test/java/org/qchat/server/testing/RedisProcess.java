package org.qchat.server.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Redis server of the test's own, on a free port, that the test may stop and start again (the
 * machine's shared Redis must not be stopped, and a cluster's channel must not hear other tests).
 * Keeps nothing on disk. Skips the calling test without {@code redis-server} (fails it under
 * {@code QCHAT_REQUIRE_ALL=1}).
 */
public final class RedisProcess implements AutoCloseable {

    private final Path binary;
    private final int port;
    private Process process;

    private RedisProcess(Path binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    public static RedisProcess start() {
        Path binary = Environment.requireExecutable("redis-server", "the cluster tests run their own Redis");
        RedisProcess redis = new RedisProcess(binary, ServerProcess.freePort());
        redis.startAgain();
        return redis;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it (again, after {@link #stop}) on the same port, empty; returns once it accepts. */
    public void startAgain() {
        try {
            process = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("redis on " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(this::accepts);
    }

    /** Kills it at once, losing everything it held. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
