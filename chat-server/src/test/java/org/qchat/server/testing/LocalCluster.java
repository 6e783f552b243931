package org.qchat.server.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Server jars started as the nodes of one cluster: one PostgreSQL schema, one Redis of the test's
 * own, each node with a data dir and a name of its own ({@code n1}, {@code n2}, ...).
 */
public final class LocalCluster implements AutoCloseable {

    private final Path jar;
    private final Path dir;
    private final PostgresSchema schema;
    private final RedisProcess redis;
    private final List<String> extraArgs;
    private final List<ServerProcess> nodes = new ArrayList<>();

    private LocalCluster(Path jar, Path dir, PostgresSchema schema, RedisProcess redis, List<String> extraArgs) {
        this.jar = jar;
        this.dir = dir;
        this.schema = schema;
        this.redis = redis;
        this.extraArgs = extraArgs;
    }

    /** Starts {@code size} nodes, one after another (the first creates the schema). */
    public static LocalCluster start(Path dir, int size, String... extraArgs) {
        Path jar = ServerProcess.jar();
        PostgresSchema schema = PostgresSchema.fresh();
        RedisProcess redis;
        try {
            redis = RedisProcess.start();
        } catch (RuntimeException | Error e) {
            schema.close();
            throw e;
        }
        LocalCluster cluster = new LocalCluster(jar, dir, schema, redis, List.of(extraArgs));
        try {
            for (int i = 0; i < size; i++) {
                cluster.nodes.add(null);
                cluster.startNode(i);
            }
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Starts node {@code i} (again, after a kill), on a new port. */
    public ServerProcess startNode(int i) {
        List<String> args = new ArrayList<>(List.of("--db-url", schema.url(), "--db-schema", schema.name(),
                "--cluster-redis", redis.uri(), "--node-id", "n" + (i + 1), "--node-timeout", "3",
                "--admins", ServerHarness.ADMIN, "--files-dir", dir.resolve("files").toString()));
        args.addAll(extraArgs);
        ServerProcess node = ServerProcess.start(jar, dir.resolve("n" + (i + 1)), args.toArray(String[]::new));
        nodes.set(i, node);
        return node;
    }

    public ServerProcess node(int i) {
        return nodes.get(i);
    }

    public int size() {
        return nodes.size();
    }

    public RedisProcess redis() {
        return redis;
    }

    public PostgresSchema schema() {
        return schema;
    }

    @Override
    public void close() {
        for (ServerProcess node : nodes) {
            if (node != null) {
                node.close();
            }
        }
        redis.close();
        schema.close();
    }
}
