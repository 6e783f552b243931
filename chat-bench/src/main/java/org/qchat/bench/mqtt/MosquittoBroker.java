package org.qchat.bench.mqtt;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Mosquitto broker of our own for one benchmark run, in a fresh temporary directory, listening
 * on a port of our choosing (the system's Mosquitto keeps 1883), optionally pinned to CPUs.
 *
 * <p>The configuration it writes, and why each line is there:
 * <pre>
 * listener &lt;port&gt; 127.0.0.1   loopback only, like the qchat server in the run; and naming a
 *                              listener is what stops Mosquitto from also opening 1883
 * allow_anonymous true         Mosquitto 2.0 refuses unauthenticated clients by default; qchat's
 *                              login is not what is measured on this side
 * set_tcp_nodelay true         every PUBACK and forwarded PUBLISH is a small write; with Nagle's
 *                              algorithm it can wait for the peer's delayed ACK, and the latency
 *                              would measure that, not the broker
 * persistence false            Mosquitto only snapshots its store to disk every autosave
 *                              interval; it never makes a message durable before sending PUBACK.
 *                              With persistence off the comparison does not pretend otherwise
 * max_inflight_messages 1000   the default 20 unacknowledged QoS 1 messages per client, and
 * max_queued_messages 100000   1000 queued behind them, would make the broker throttle or drop
 *                              QoS 1 at the rates measured; Mosquitto also advertises the
 *                              in-flight limit as Receive Maximum in its CONNACK
 * max_connections -1           no connection cap (the default, stated so a packaged default
 *                              cannot change the run)
 * log_dest file &lt;dir&gt;/mosquitto.log, log_type error, log_type warning
 *                              per-connection notices would cost the broker time under load;
 *                              errors and warnings are kept for diagnosis
 * user &lt;our user&gt;              started as root, Mosquitto switches to user "mosquitto", which
 *                              cannot write the log in our private temporary directory; naming
 *                              the user we run as keeps it as it is (ignored when not root)
 * </pre>
 * Mosquitto's console output (the few messages written before the log file is open, and
 * taskset's errors) goes to {@code mosquitto.out} in the same directory. If the broker fails to
 * start, the tail of both files is in the exception.
 *
 * <p>Not thread-safe except {@link #close()}, which a JVM shutdown hook may also call so that an
 * interrupted run does not leave a broker holding its port.
 */
public final class MosquittoBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MosquittoBroker.class);

    private static final Path PACKAGED_MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    private static final Path PACKAGED_TASKSET = Path.of("/usr/bin/taskset");
    private static final Pattern CPU_LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(200);
    private static final long POLL_MILLIS = 20;
    private static final int TAIL_LINES = 20;

    private final Process process;
    private final int port;
    private final Path dir;
    private final Thread shutdownHook;
    private boolean closed;

    private MosquittoBroker(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.shutdownHook = new Thread(this::stopAndClean, "mosquitto-" + port + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Whether a mosquitto executable is on the PATH or at /usr/sbin/mosquitto (Debian's place). */
    public static boolean installed() {
        return executable("mosquitto", PACKAGED_MOSQUITTO).isPresent();
    }

    /**
     * Starts Mosquitto on {@code 127.0.0.1:port} and returns once the port accepts connections.
     *
     * @param cpuList CPUs for {@code taskset -c}, e.g. "0" or "0,2-3"; null to leave it unpinned
     * @throws IOException mosquitto (or taskset) is missing, the port is already taken, or the
     *         broker exited or did not listen within 10 s; the message then carries its log's tail
     */
    public static MosquittoBroker start(int port, String cpuList) throws IOException {
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 1–65535, was " + port);
        }
        if (cpuList != null && !CPU_LIST.matcher(cpuList).matches()) {
            throw new IllegalArgumentException("not a taskset CPU list: '" + cpuList + "'");
        }
        Path mosquitto = executable("mosquitto", PACKAGED_MOSQUITTO)
                .orElseThrow(() -> new IOException("mosquitto is not installed (not on PATH, not at "
                        + PACKAGED_MOSQUITTO + ")"));
        List<String> command = new ArrayList<>();
        if (cpuList != null) {
            // taskset sets the affinity and then execs the broker: the pid stays mosquitto's own.
            Path taskset = executable("taskset", PACKAGED_TASKSET)
                    .orElseThrow(() -> new IOException("taskset is not installed, cannot pin to CPUs " + cpuList));
            command.addAll(List.of(taskset.toString(), "-c", cpuList));
        }
        // Otherwise the readiness poll below would find the other listener and report success.
        if (accepts(port)) {
            throw new IOException("port " + port + " already accepts connections; choose a free one");
        }

        Path dir = Files.createTempDirectory("qchat-mosquitto-");
        MosquittoBroker broker = null;
        try {
            Path config = dir.resolve("mosquitto.conf");
            Files.writeString(config, config(port, dir.resolve("mosquitto.log")));
            command.addAll(List.of(mosquitto.toString(), "-c", config.toString()));
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.out").toFile())
                    .start();
            broker = new MosquittoBroker(process, port, dir);
            broker.awaitListening();
            log.info("mosquitto pid {} listening on 127.0.0.1:{}{}", broker.pid(), port,
                    cpuList == null ? "" : " on CPUs " + cpuList);
            return broker;
        } catch (IOException | RuntimeException e) {
            if (broker != null) {
                broker.close();
            } else {
                try {
                    deleteRecursively(dir);
                } catch (IOException | UncheckedIOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /** The mosquitto process's own pid (taskset has exec'd into it). */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /**
     * Stops the broker: SIGTERM, up to 5 s for it to exit, then SIGKILL; deletes its directory.
     * Idempotent; returns once the process is gone.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or about to; stopping twice is harmless.
            }
        }
        stopAndClean();
    }

    private synchronized void stopAndClean() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy();   // SIGTERM: Mosquitto closes its clients and exits
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("mosquitto pid {} ignored SIGTERM for {}, killing it", pid(), STOP_TIMEOUT);
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            deleteRecursively(dir);
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete {}: {}", dir, e.toString());
        }
    }

    static String config(int port, Path logFile) {
        return String.join("\n",
                "# Written by qchat-bench for one run; MosquittoBroker's Javadoc explains each line.",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "set_tcp_nodelay true",
                "persistence false",
                "max_inflight_messages 1000",
                "max_queued_messages 100000",
                "max_connections -1",
                "log_dest file " + logFile,
                "log_type error",
                "log_type warning",
                "user " + System.getProperty("user.name"),
                "");
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw failure("mosquitto exited with status " + process.exitValue()
                            + " before listening on port " + port);
                }
                if (accepts(port)) {
                    checkPidIsMosquitto();
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw failure("mosquitto did not accept connections on port " + port + " within "
                            + START_TIMEOUT.toSeconds() + " s");
                }
                // Pauses between polls, and ends the pause at once if the broker dies.
                process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for mosquitto on port " + port);
        }
    }

    /** Guards pid(): a taskset that forked instead of exec'ing would leave us holding its pid. */
    private void checkPidIsMosquitto() throws IOException {
        Optional<String> executable = process.info().command();
        if (executable.isPresent() && !Path.of(executable.get()).getFileName().toString().startsWith("mosquitto")) {
            throw failure("pid " + pid() + " runs " + executable.get() + ", not mosquitto");
        }
    }

    private IOException failure(String what) {
        return new IOException(what + "\n--- " + dir.resolve("mosquitto.out") + " ---\n"
                + tail(dir.resolve("mosquitto.out")) + "--- " + dir.resolve("mosquitto.log") + " ---\n"
                + tail(dir.resolve("mosquitto.log")));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            StringBuilder tail = new StringBuilder();
            for (String line : lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) {
                tail.append(line).append('\n');
            }
            return tail.length() == 0 ? "(empty)\n" : tail.toString();
        } catch (IOException e) {
            return "(unreadable: " + e + ")\n";
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> executable(String name, Path packaged) {
        String path = System.getenv("PATH");
        List<Path> candidates = new ArrayList<>();
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    candidates.add(Path.of(entry, name));
                }
            }
        }
        candidates.add(packaged);
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
