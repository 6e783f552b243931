package org.qchat.bench.sut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.qchat.bench.load.ClientFactory;
import org.qchat.bench.load.Population;
import org.qchat.bench.qchat.QchatClientFactory;
import org.qchat.bench.qchat.QchatFixture;

/**
 * The packaged qchat server as its own process, on a freshly seeded store: the embedded one in a
 * new data directory, or PostgreSQL in a new schema. It runs with the durability it is given; only
 * the per-connection request rate (a hardening limit meant for one human) is raised, through its
 * config file.
 */
public final class QchatTarget implements Target {

    /**
     * How to run the server: jar, JVM flags, CPUs, database.
     *
     * @param durability the embedded store's {@code --durability}, or null for the default
     * @param options    further server options, {@code key=value} as in its config file
     */
    public record Settings(Path serverJar, List<String> jvmFlags, String cpus, String postgresUrl, String durability,
                           int textSize, Duration ackDelay, List<String> options) {

        public Settings {
            options = List.copyOf(options);
        }

        /** These settings with {@code more} server options. */
        public Settings withOptions(List<String> more) {
            List<String> all = new ArrayList<>(options);
            all.addAll(more);
            return new Settings(serverJar, jvmFlags, cpus, postgresUrl, durability, textSize, ackDelay, all);
        }

        /** The system's name in the report. */
        public String systemName() {
            if (postgresUrl != null) {
                return "qchat (PostgreSQL)";
            }
            return durability == null ? "qchat (embedded)" : "qchat (embedded, " + durability + ")";
        }
    }

    private final String name;
    private final ServerProcess process;
    private final QchatClientFactory clients;
    private final QchatFixture fixture;
    private final boolean postgres;

    private QchatTarget(String name, ServerProcess process, QchatClientFactory clients, QchatFixture fixture,
                        boolean postgres) {
        this.name = name;
        this.process = process;
        this.clients = clients;
        this.fixture = fixture;
        this.postgres = postgres;
    }

    /**
     * Seeds {@code population} (and {@code historyMessages} messages in the first pair's
     * conversation) with the server's {@code seed} command, then starts the server.
     */
    public static QchatTarget start(Settings settings, Population population, Path runDir, String label,
                                    long historyMessages) throws IOException {
        Path dataDir = runDir.resolve("qchat-" + label);
        deleteTree(dataDir);
        Files.createDirectories(dataDir);
        boolean postgres = settings.postgresUrl() != null;
        String schema = "qchat_bench_" + label.replaceAll("[^a-z0-9]", "_");
        List<String> storage = new ArrayList<>(List.of("--data-dir", dataDir.toAbsolutePath().toString()));
        if (postgres) {
            dropSchema(settings.postgresUrl(), schema);
            storage.addAll(List.of("--db-url", settings.postgresUrl(), "--db-schema", schema));
        }
        long seedStart = System.nanoTime();
        QchatFixture fixture = QchatFixture.seed(settings.serverJar(), storage, population, historyMessages,
                settings.textSize(), runDir);
        if (historyMessages > 0) {
            System.out.printf("   stored %,d messages in %.1f s%n", historyMessages, (System.nanoTime() - seedStart) / 1e9);
        }

        List<String> extra = new ArrayList<>();
        if (postgres) {
            extra.add("db-url=" + settings.postgresUrl());
            extra.add("db-schema=" + schema);
        }
        if (settings.durability() != null) {
            extra.add("durability=" + settings.durability());
        }
        int port = ServerProcess.freePort();
        ServerProcess process = startServer(settings, runDir, "qchat-" + label, dataDir, port, extra);
        QchatClientFactory clients = new QchatClientFactory(new InetSocketAddress("127.0.0.1", port), fixture,
                settings.textSize(), settings.ackDelay(), false);
        return new QchatTarget(settings.systemName(), process, clients, fixture, postgres);
    }

    /**
     * Starts the server jar on {@code port} with the bench's options (the raised request rate, no
     * metrics port), those of the settings and {@code extraOptions} ({@code key=value}, as in its
     * config file), written to {@code name}.properties; its output goes to {@code name}.log.
     */
    static ServerProcess startServer(Settings settings, Path runDir, String name, Path dataDir, int port,
                                     List<String> extraOptions) throws IOException {
        List<String> options = new ArrayList<>(List.of(
                "port=" + port,
                "bind=127.0.0.1",
                "data-dir=" + dataDir.toAbsolutePath(),
                "metrics-port=-1",
                "idle-timeout=600",
                "admins=" + QchatFixture.adminUsername(),
                "request-rate=1000000",
                "request-burst=1000000"));
        options.addAll(settings.options());
        options.addAll(extraOptions);
        Path config = runDir.resolve(name + ".properties");
        Files.write(config, options);
        List<String> command = new ArrayList<>();
        command.add(ServerProcess.jdkTool("java"));
        command.addAll(settings.jvmFlags());
        command.add("-jar");
        command.add(settings.serverJar().toAbsolutePath().toString());
        command.add("--config");
        command.add(config.toAbsolutePath().toString());
        return ServerProcess.start(command, settings.cpus(), runDir.resolve(name + ".log"), port, Duration.ofSeconds(90));
    }

    static void dropSchema(String url, String schema) throws IOException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IOException("cannot reset schema " + schema + " at " + url, e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ClientFactory clients() {
        return clients;
    }

    @Override
    public ClientFactory passwordClients() {
        return clients.withPasswordLogin();
    }

    public QchatClientFactory qchatClients() {
        return clients;
    }

    public QchatFixture fixture() {
        return fixture;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public long cpuNanos() {
        long cpu = ProcStat.cpuNanos(process.pid());
        if (postgres) {
            for (long pid : ProcStat.pidsNamed("postgres")) {
                cpu += ProcStat.cpuNanos(pid);
            }
        }
        return cpu;
    }

    @Override
    public long rssBytes() {
        return ProcStat.rssBytes(process.pid());
    }

    @Override
    public void settleMemory() {
        try {
            Process gc = new ProcessBuilder(ServerProcess.jdkTool("jcmd"), Long.toString(process.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            gc.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("jcmd GC.run failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logTail() {
        return process.tail();
    }

    @Override
    public void close() {
        process.close();
    }
}
