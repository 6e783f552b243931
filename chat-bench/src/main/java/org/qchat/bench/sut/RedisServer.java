package org.qchat.bench.sut;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A private {@code redis-server} for a cluster run: its own port on loopback, nothing saved to
 * disk, pinned with the servers it connects, so that "the server's CPUs" hold the whole cluster
 * and the machine's shared Redis is left alone.
 */
public final class RedisServer implements AutoCloseable {

    private final ServerProcess process;
    private final int port;

    private RedisServer(ServerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether {@code redis-server} is on the PATH. */
    public static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "redis-server"))) {
                return true;
            }
        }
        return false;
    }

    /** Starts it on a free port under {@code taskset -c cpus} (unless null) and waits until it accepts. */
    public static RedisServer start(String cpus, Path log) throws IOException {
        int port = ServerProcess.freePort();
        List<String> command = List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no");
        return new RedisServer(ServerProcess.start(command, cpus, log, port, Duration.ofSeconds(30)), port);
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}
