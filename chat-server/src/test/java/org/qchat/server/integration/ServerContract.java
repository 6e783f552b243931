package org.qchat.server.integration;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Environment;
import org.qchat.server.testing.Scenarios;
import org.qchat.server.testing.ServerHarness;
import org.qchat.server.testing.TestClient;

/**
 * Base of every in-process contract test: one real server on a real database per concrete test
 * class, shared by its tests (each test uses users of its own, so tests stay independent). Each
 * contract {@code XContract} has two concrete subclasses, {@code XEmbeddedTest} and {@code XPostgresTest};
 * the PostgreSQL one is skipped with a message when {@code QCHAT_PG_URL} is not set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ServerContract {

    private final Backend backend;
    protected ServerHarness server;

    protected ServerContract(Backend backend) {
        this.backend = backend;
    }

    protected final Backend backend() {
        return backend;
    }

    /** Adjusts the server configuration for this class; the harness has set port, data and admins. */
    protected void configure(ServerConfig.Builder config) {
    }

    /** Called once the class's server is up, before the first test; e.g. to connect long-lived clients. */
    protected void serverStarted() {
    }

    @BeforeAll
    final void startServer() {
        if (backend == Backend.POSTGRES && !Environment.postgresConfigured()) {
            // Skip (or fail) in requireServer, per test, so that Surefire counts each skipped test:
            // a class-level abort shows up as "Tests run: 0", which looks like nothing was there.
            return;
        }
        server = ServerHarness.start(backend, this::configure);
        serverStarted();
    }

    @BeforeEach
    final void requireServer() {
        if (server == null) {
            Environment.requirePostgres();
        }
    }

    @AfterEach
    final void closeClients() {
        if (server != null) {
            server.closeClients();
        }
    }

    @AfterAll
    final void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    protected TestClient newUser(String prefix) {
        return server.newUser(prefix);
    }

    protected static long befriend(TestClient a, TestClient b) {
        return Scenarios.befriend(a, b);
    }
}
