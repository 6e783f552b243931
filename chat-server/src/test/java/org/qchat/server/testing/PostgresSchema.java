package org.qchat.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A schema of its own in the PostgreSQL at {@code QCHAT_PG_URL}, for one test server or store,
 * dropped on close. Creating one skips the caller without {@code QCHAT_PG_URL} (fails it under
 * {@code QCHAT_REQUIRE_ALL=1}), as {@link Environment#requirePostgres()} does.
 */
public record PostgresSchema(String url, String name) implements AutoCloseable {

    public static PostgresSchema fresh() {
        return new PostgresSchema(Environment.requirePostgres(),
                "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            System.err.println("[qchat-test] could not drop schema " + name + ": " + e.getMessage());
        }
    }
}
