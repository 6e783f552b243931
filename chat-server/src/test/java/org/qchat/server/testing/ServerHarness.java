package org.qchat.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.qchat.server.ChatServer;
import org.qchat.server.config.RateLimits;
import org.qchat.server.config.ServerConfig;

/**
 * One in-process {@link ChatServer} on real storage: the embedded store in a temporary data directory,
 * or PostgreSQL ({@code QCHAT_PG_URL}) in a schema of its own. {@link #restart()} stops the server and
 * starts a new one on the same data, as an operator restarting it would. Tracks the clients it
 * connected so a test class can close them after each test. Rate limits are off
 * ({@link RateLimits#unlimited()}) unless the customizer sets its own.
 */
public final class ServerHarness implements AutoCloseable {

    /** The server admin every test server is configured with; see {@link #admin()}. */
    public static final String ADMIN = "qadmin";
    private static final String HOST = "127.0.0.1";

    private final Backend backend;
    private final Path dataDir;
    private final PostgresSchema schema;
    private final ServerConfig config;
    private final List<TestClient> clients = new CopyOnWriteArrayList<>();
    private final java.time.Clock clock;
    private ChatServer server;
    private boolean adminRegistered;

    private ServerHarness(Backend backend, Path dataDir, PostgresSchema schema, ServerConfig config, java.time.Clock clock) {
        this.clock = clock;
        this.backend = backend;
        this.dataDir = dataDir;
        this.schema = schema;
        this.config = config;
    }

    /**
     * Starts a server on {@code backend}. For PostgreSQL without {@code QCHAT_PG_URL} the caller is
     * skipped (or failed, under {@code QCHAT_REQUIRE_ALL=1}) by {@link Environment#requirePostgres()}.
     */
    public static ServerHarness start(Backend backend, Consumer<ServerConfig.Builder> customizer) {
        return start(backend, customizer, java.time.Clock.systemUTC());
    }

    /** As {@link #start(Backend, Consumer)}, with the server reading time from {@code clock} (e.g. one a test moves). */
    public static ServerHarness start(Backend backend, Consumer<ServerConfig.Builder> customizer, java.time.Clock clock) {
        PostgresSchema schema = backend == Backend.POSTGRES ? PostgresSchema.fresh() : null;
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("qchat-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerConfig.Builder builder = ServerConfig.builder()
                .port(0)
                .bindAddress(HOST)
                .metricsPort(-1)
                .dataDir(dataDir)
                .adminUsernames(Set.of(ADMIN))
                // Tests register hundreds of users from 127.0.0.1 and fire requests back to back.
                .rateLimits(RateLimits.unlimited());
        if (backend == Backend.POSTGRES) {
            builder.dbUrl(schema.url()).dbSchema(schema.name());
        }
        customizer.accept(builder);
        ServerHarness harness = new ServerHarness(backend, dataDir, schema, builder.build(), clock);
        try {
            harness.startServer();
        } catch (RuntimeException | Error e) {
            harness.close();
            throw e;
        }
        return harness;
    }

    public static ServerHarness start(Backend backend) {
        return start(backend, b -> { });
    }

    private void startServer() {
        try {
            server = ChatServer.start(config, clock);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the server on " + describe(), e);
        }
    }

    /** The running server's storage, to read what it stored (message log ranges may be read on any thread). */
    public org.qchat.server.store.Storage storage() {
        return server.storage();
    }

    public Backend backend() {
        return backend;
    }

    public ServerConfig config() {
        return config;
    }

    public int port() {
        return server.port();
    }

    /** Stops the server (graceful close) and starts a new one on the same database; the port changes. */
    public void restart() {
        stopServer();
        startServer();
    }

    /** Stops the server; {@link #restart()} or {@link #close()} afterwards. */
    public void stopServer() {
        if (server != null) {
            ChatServer running = server;
            server = null;
            running.close();
        }
    }

    /** A new connection whose welcome push has arrived; closed by {@link #closeClients()}. */
    public TestClient connect() {
        TestClient client = TestClient.connect(HOST, port());
        clients.add(client);
        return client;
    }

    /**
     * A new connection from another local address, e.g. 127.0.0.2 (any 127.x.y.z works on Linux),
     * for tests of per-address limits; closed by {@link #closeClients()}.
     */
    public TestClient connectFrom(String localAddress) {
        TestClient client = TestClient.connectFrom(localAddress, HOST, port());
        clients.add(client);
        return client;
    }

    /** A new connection that has not read anything yet. */
    public TestClient connectRaw() {
        TestClient client = TestClient.connectRaw(HOST, port());
        clients.add(client);
        return client;
    }

    /** A new connection with a newly registered user named {@code prefix_<unique>}. */
    public TestClient newUser(String prefix) {
        TestClient client = connect();
        client.register(Names.unique(prefix));
        return client;
    }

    /** A new connection logged in as {@code username}. */
    public TestClient login(String username, String password, String device) {
        TestClient client = connect();
        client.login(username, password, device);
        return client;
    }

    /** A new connection logged in as the server admin, registering the account on first use. */
    public synchronized TestClient admin() {
        TestClient client = connect();
        if (adminRegistered) {
            client.login(ADMIN, TestClient.PASSWORD, null);
        } else {
            client.register(ADMIN);
            adminRegistered = true;
        }
        return client;
    }

    /** Closes every client this harness connected, after checking none saw a protocol violation. */
    public void closeClients() {
        List<TestClient> all = new ArrayList<>(clients);
        clients.clear();
        AssertionError failure = null;
        for (TestClient client : all) {
            try {
                client.assertNoViolations();
            } catch (AssertionError e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            client.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        try {
            for (TestClient client : clients) {
                client.close();
            }
            clients.clear();
            stopServer();
        } finally {
            if (schema != null) {
                schema.close();
            }
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }

    private String describe() {
        return backend == Backend.POSTGRES ? "PostgreSQL schema " + schema : "the embedded store in " + dataDir;
    }

    @Override
    public String toString() {
        return "ServerHarness[" + describe() + (server != null ? ", port " + server.port() : ", stopped") + "]";
    }
}
