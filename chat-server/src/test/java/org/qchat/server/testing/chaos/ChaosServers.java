package org.qchat.server.testing.chaos;

import java.nio.file.Path;
import java.util.List;

import org.qchat.server.testing.ServerProcess;

/**
 * The servers a chaos run kills: one server restarted on its own data, or the nodes of a cluster,
 * whose users fail over to another node while theirs is down. The run's thread starts, kills and
 * restores; the users' threads ask {@link #serverFor} where to connect.
 */
interface ChaosServers extends AutoCloseable {

    /** One server process, restarted on the same data dir after each kill. */
    static ChaosServers single(Path jar, Path dataDir, List<String> args) {
        return new SingleServer(jar, dataDir, args);
    }

    /** {@code size} nodes of a {@code LocalCluster}; user {@code i} lives on node {@code i % size}. */
    static ChaosServers cluster(Path dir, int size, List<String> args) {
        return new ClusterServers(dir, size, args);
    }

    /** Starts every server; returns once all accept connections. */
    void start();

    /**
     * The server user {@code user} should be connected to now: its own one, or, while that one is
     * down, another that is up. Called on the users' threads.
     */
    ServerProcess serverFor(int user);

    /** SIGKILL; the server stays down until {@link #restore}. */
    void kill(ServerProcess server);

    /**
     * Whether users can reconnect while a killed server is down (to another node), so that the run
     * restores it while they are back at work; otherwise it restores it before they reconnect.
     */
    boolean failsOver();

    /** Starts again what the last kill took down. */
    void restore();

    /** A short name for {@code server} in the run's report. */
    String name(ServerProcess server);

    /** The end of every server's log, for a failure message. */
    String logTail();

    @Override
    void close();
}
