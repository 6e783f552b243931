package org.qchat.bench.sut;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.qchat.bench.load.ClientFactory;
import org.qchat.bench.load.Population;
import org.qchat.bench.qchat.QchatClientFactory;
import org.qchat.bench.qchat.QchatFixture;

/**
 * Several packaged qchat servers as one cluster: one freshly seeded PostgreSQL schema, a private
 * {@link RedisServer}, and {@code nodes} server processes, all pinned to the same CPUs. User
 * {@code u} connects to node {@code u mod nodes} (see {@link QchatClientFactory}). The server's
 * CPU time is that of every node, Redis and every {@code postgres} process.
 */
public final class ClusterTarget implements Target {

    private final String name;
    private final List<ServerProcess> nodes;
    private final RedisServer redis;
    private final QchatClientFactory clients;
    private final QchatFixture fixture;

    private ClusterTarget(String name, List<ServerProcess> nodes, RedisServer redis, QchatClientFactory clients,
                          QchatFixture fixture) {
        this.name = name;
        this.nodes = nodes;
        this.redis = redis;
        this.clients = clients;
        this.fixture = fixture;
    }

    /** The system's name in the report. */
    public static String systemName(int nodes) {
        return "qchat (" + nodes + " nodes, PostgreSQL)";
    }

    /** Seeds {@code population} into a new schema, then starts Redis and the nodes ({@code n1}, {@code n2}, …). */
    public static ClusterTarget start(QchatTarget.Settings settings, int nodeCount, Population population, Path runDir,
                                      String label) throws IOException {
        if (settings.postgresUrl() == null) {
            throw new IllegalArgumentException("a cluster needs PostgreSQL");
        }
        String schema = "qchat_bench_" + label.replaceAll("[^a-z0-9]", "_");
        QchatTarget.dropSchema(settings.postgresUrl(), schema);
        List<String> database = List.of("db-url=" + settings.postgresUrl(), "db-schema=" + schema);
        Path seedDir = dataDir(runDir, label, "seed");
        QchatFixture fixture = QchatFixture.seed(settings.serverJar(), List.of("--data-dir", seedDir.toString(),
                "--db-url", settings.postgresUrl(), "--db-schema", schema), population, 0, settings.textSize(), runDir);

        RedisServer redis = RedisServer.start(settings.cpus(), runDir.resolve("qchat-" + label + "-redis.log"));
        List<ServerProcess> nodes = new ArrayList<>();
        List<InetSocketAddress> addresses = new ArrayList<>();
        try {
            for (int i = 1; i <= nodeCount; i++) {
                List<String> options = new ArrayList<>(database);
                options.add("cluster-redis=" + redis.uri());
                options.add("node-id=n" + i);
                int port = ServerProcess.freePort();
                nodes.add(QchatTarget.startServer(settings, runDir, "qchat-" + label + "-n" + i,
                        dataDir(runDir, label, "n" + i), port, options));
                addresses.add(new InetSocketAddress("127.0.0.1", port));
            }
        } catch (IOException | RuntimeException e) {
            nodes.forEach(ServerProcess::close);
            redis.close();
            throw e;
        }
        QchatClientFactory clients = new QchatClientFactory(addresses, fixture, settings.textSize(),
                settings.ackDelay(), false);
        return new ClusterTarget(systemName(nodeCount), nodes, redis, clients, fixture);
    }

    private static Path dataDir(Path runDir, String label, String node) throws IOException {
        Path dir = runDir.resolve("qchat-" + label + "-" + node);
        QchatTarget.deleteTree(dir);
        Files.createDirectories(dir);
        return dir.toAbsolutePath();
    }

    /** Kills node {@code index} (0-based) with SIGKILL and waits until it is gone. */
    public void kill(int index) {
        nodes.get(index).kill();
    }

    public int nodeCount() {
        return nodes.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ClientFactory clients() {
        return clients;
    }

    public QchatClientFactory qchatClients() {
        return clients;
    }

    public QchatFixture fixture() {
        return fixture;
    }

    @Override
    public long cpuNanos() {
        long cpu = ProcStat.cpuNanos(redis.pid());
        for (ServerProcess node : nodes) {
            cpu += ProcStat.cpuNanos(node.pid());
        }
        for (long pid : ProcStat.pidsNamed("postgres")) {
            cpu += ProcStat.cpuNanos(pid);
        }
        return cpu;
    }

    /** The nodes' resident memory together. */
    @Override
    public long rssBytes() {
        long rss = 0;
        for (ServerProcess node : nodes) {
            rss += ProcStat.rssBytes(node.pid());
        }
        return rss;
    }

    @Override
    public void settleMemory() {
        // The cluster workloads measure traffic, not memory.
    }

    @Override
    public void close() {
        nodes.forEach(ServerProcess::close);
        redis.close();
    }
}
