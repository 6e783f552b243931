package org.qchat.server.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The shaded server jar ({@code -Dqchat.server.jar}, set by the Failsafe configuration) running as a
 * separate JVM, so tests can kill it for real. Output goes to a log file whose tail is attached to
 * failures.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String JAR_PROPERTY = "qchat.server.jar";
    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    /** Like RateLimits.unlimited(): process tests pipeline hundreds of requests and register from 127.0.0.1. */
    private static final Map<String, String> UNLIMITED_RATE_LIMITS = Map.of(
            "QCHAT_REQUEST_RATE", "1000000",
            "QCHAT_REQUEST_BURST", "1000000",
            "QCHAT_LOGIN_FREE_FAILURES", "1000000",
            "QCHAT_LOGIN_FREE_FAILURES_PER_ADDRESS", "1000000",
            "QCHAT_LOGIN_BASE_DELAY_MS", "0",
            "QCHAT_LOGIN_MAX_DELAY_SECONDS", "0",
            "QCHAT_REGISTRATIONS_PER_HOUR", "1000000");

    private final Process process;
    private final int port;
    private final int metricsPort;
    private final Path log;
    private final List<TestClient> clients = new CopyOnWriteArrayList<>();

    private ServerProcess(Process process, int port, int metricsPort, Path log) {
        this.process = process;
        this.port = port;
        this.metricsPort = metricsPort;
        this.log = log;
    }

    /** The jar under test; skips (or under QCHAT_REQUIRE_ALL=1 fails) when not run by Failsafe. */
    public static Path jar() {
        Path jar = Path.of(Environment.requireProperty(JAR_PROPERTY,
                "process-level tests run with 'mvn verify', which builds the shaded jar and passes its path"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(JAR_PROPERTY + " names " + jar + ", which does not exist");
        }
        return jar;
    }

    /**
     * Starts the server on free ports with its database in {@code dataDir}; returns once the port
     * accepts. If {@code extraArgs} sets {@code --metrics-port} (e.g. -1, off), that value is used
     * and {@link #metricsPort()} is -1.
     */
    public static ServerProcess start(Path jar, Path dataDir, String... extraArgs) {
        int port = freePort();
        boolean metricsPortGiven = List.of(extraArgs).contains("--metrics-port");
        int metricsPort = metricsPortGiven ? -1 : freePort();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-server-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(),
                "--port", Integer.toString(port),
                "--bind", HOST,
                "--data-dir", dataDir.toString()));
        if (!metricsPortGiven) {
            command.addAll(List.of("--metrics-port", Integer.toString(metricsPort)));
        }
        command.addAll(List.of(extraArgs));
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // Rate limits off unless extraArgs set them: flags beat environment variables.
            builder.environment().putAll(UNLIMITED_RATE_LIMITS);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        ServerProcess server = new ServerProcess(process, port, metricsPort, log);
        try {
            await("server process listening on " + port).atMost(STARTUP).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("server exited with " + process.exitValue()
                                    + " before listening; log:\n" + server.logTail());
                        }
                        return accepts(port);
                    });
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** What a server process that ended by itself printed, and its exit code. */
    public record Exit(int code, String output) {
    }

    /**
     * Runs the server on {@code dataDir} expecting it to stop by itself (a refused start, a
     * subcommand); returns its exit code and output, or fails after a minute.
     */
    public static Exit runToExit(Path jar, Path dataDir, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(), "--port", Integer.toString(freePort()), "--bind", HOST, "--metrics-port", "-1",
                "--data-dir", dataDir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server did not stop by itself: " + command);
            }
            return new Exit(process.exitValue(), new String(output, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public int metricsPort() {
        return metricsPort;
    }

    public Process process() {
        return process;
    }

    public TestClient connect() {
        TestClient client = TestClient.connect(HOST, port);
        clients.add(client);
        return client;
    }

    /** SIGKILL: no shutdown hook, no flush; waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /**
     * SIGSTOP: the server stops wherever it is, mid-write or mid-reply, and answers nothing more;
     * clients can still write into its socket buffers. A {@link #kill()} after this leaves the
     * server's files as a kill at the moment of the freeze would.
     */
    public void freeze() {
        signal("STOP");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM; returns the exit code, or fails if the process is still running after {@code timeout}. */
    public int terminate(Duration timeout) {
        process.destroy();
        return waitForExit(timeout);
    }

    private int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("server process still running " + timeout + " after the signal; log:\n"
                        + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last 60 lines the server printed. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public File logFile() {
        return log.toFile();
    }

    @Override
    public void close() {
        for (TestClient client : clients) {
            client.close();
        }
        clients.clear();
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
