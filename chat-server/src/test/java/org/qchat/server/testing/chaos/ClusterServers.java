package org.qchat.server.testing.chaos;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.qchat.server.testing.LocalCluster;
import org.qchat.server.testing.ServerProcess;

/**
 * The nodes of a {@link LocalCluster}. User {@code i} belongs on node {@code i % size}; while that
 * node is down it goes to the next live one (the test client has no failover of its own), and back
 * home once its node serves again and the user next reconnects.
 */
final class ClusterServers implements ChaosServers {

    private final Path dir;
    private final int size;
    private final List<String> args;
    private LocalCluster cluster;
    /** Node index to its process, null while killed. Guarded by this. */
    private ServerProcess[] live;
    private int down = -1;

    ClusterServers(Path dir, int size, List<String> args) {
        this.dir = dir;
        this.size = size;
        this.args = List.copyOf(args);
    }

    @Override
    public synchronized void start() {
        cluster = LocalCluster.start(dir, size, args.toArray(String[]::new));
        live = new ServerProcess[size];
        for (int i = 0; i < size; i++) {
            live[i] = cluster.node(i);
        }
    }

    LocalCluster cluster() {
        return cluster;
    }

    @Override
    public synchronized ServerProcess serverFor(int user) {
        for (int step = 0; step < size; step++) {
            ServerProcess node = live[(user + step) % size];
            if (node != null) {
                return node;
            }
        }
        throw new IllegalStateException("no node is up");
    }

    @Override
    public void kill(ServerProcess victim) {
        int i = indexOf(victim);
        synchronized (this) {
            if (down >= 0) {
                throw new IllegalStateException("node " + (down + 1) + " is down already");
            }
            live[i] = null;
            down = i;
        }
        victim.kill();
    }

    @Override
    public boolean failsOver() {
        return true;
    }

    @Override
    public void restore() {
        int i;
        synchronized (this) {
            i = down;
        }
        if (i < 0) {
            return;
        }
        cluster.node(i).close();
        ServerProcess node = cluster.startNode(i);
        synchronized (this) {
            live[i] = node;
            down = -1;
        }
    }

    private int indexOf(ServerProcess server) {
        return IntStream.range(0, size).filter(i -> cluster.node(i) == server).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a node of this cluster: port " + server.port()));
    }

    @Override
    public String name(ServerProcess server) {
        return "node n" + (indexOf(server) + 1);
    }

    @Override
    public String logTail() {
        return IntStream.range(0, size).mapToObj(i -> "--- node n" + (i + 1) + " ---\n" + cluster.node(i).logTail())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
