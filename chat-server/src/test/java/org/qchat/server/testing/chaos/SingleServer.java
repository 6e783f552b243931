package org.qchat.server.testing.chaos;

import java.nio.file.Path;
import java.util.List;

import org.qchat.server.testing.ServerProcess;

/** One server process on one data dir (embedded store or a PostgreSQL schema, by its args). */
final class SingleServer implements ChaosServers {

    private final Path jar;
    private final Path dataDir;
    private final List<String> args;
    private volatile ServerProcess server;

    SingleServer(Path jar, Path dataDir, List<String> args) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.args = List.copyOf(args);
    }

    @Override
    public void start() {
        server = ServerProcess.start(jar, dataDir, args.toArray(String[]::new));
    }

    @Override
    public ServerProcess serverFor(int user) {
        return server;
    }

    @Override
    public void kill(ServerProcess victim) {
        victim.kill();
    }

    @Override
    public boolean failsOver() {
        return false;
    }

    @Override
    public void restore() {
        server.close();
        start();
    }

    @Override
    public String name(ServerProcess s) {
        return "the server";
    }

    @Override
    public String logTail() {
        ServerProcess s = server;
        return s == null ? "(not started)" : s.logTail();
    }

    @Override
    public void close() {
        ServerProcess s = server;
        if (s != null) {
            s.close();
        }
    }
}
