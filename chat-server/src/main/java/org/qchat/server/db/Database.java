package org.qchat.server.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.qchat.server.config.ServerConfig;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pool and transactions. Migrates the schema with Flyway on open. Every method
 * blocks on I/O: call it from a worker thread, never a t-io I/O thread.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Database open(ServerConfig config) {
        HikariConfig hikari = new HikariConfig();
        String url = config.effectiveDbUrl();
        hikari.setJdbcUrl(url);
        if (config.dbUser() != null) {
            hikari.setUsername(config.dbUser());
        }
        if (config.dbPassword() != null) {
            hikari.setPassword(config.dbPassword());
        }
        if (config.dbSchema() != null) {
            hikari.setSchema(config.dbSchema());
        }
        hikari.setMaximumPoolSize(config.dbPoolSize());
        hikari.setPoolName("qchat-db");
        hikari.setAutoCommit(false);
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (url.startsWith("jdbc:postgresql:")) {
            // A statement prepared on the server gets a generic plan after five runs, costed with
            // the statistics of that moment: prepared while a table is nearly empty, a lookup by a
            // unique key keeps scanning the whole table for as long as the connection lives. Custom
            // plans see the array parameters and the table as it is now.
            // Set at connection start-up: an init statement would leave each idle connection in a transaction.
            hikari.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
        }

        Flyway flyway = Flyway.configure()
                .dataSource(url, config.dbUser(), config.dbPassword())
                .schemas(config.dbSchema() == null ? new String[0] : new String[] {config.dbSchema()})
                .createSchemas(true)
                .locations("classpath:db/migration")
                .javaMigrations(new MessageIdCacheMigration())
                .load();
        flyway.migrate();

        return new Database(new HikariDataSource(hikari));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one transaction: commits if it returns, rolls back if it throws.
     * The work's own checked exception passes through unchanged; SQL failures become
     * {@link DataAccessException}.
     */
    public <T, X extends Exception> T tx(SqlWork<T, X> work) throws X {
        try (Connection c = dataSource.getConnection()) {
            boolean committed = false;
            try {
                T result = work.run(new Tx(c));
                c.commit();
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(c);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Runs a read of one statement outside a transaction (auto-commit): it sees committed data as
     * {@link #tx} would and saves the COMMIT's round trip. SQL failures become
     * {@link DataAccessException}.
     */
    public <T, X extends Exception> T read(SqlWork<T, X> work) throws X {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try {
                return work.run(new Tx(c));
            } finally {
                c.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Like {@link #tx(SqlWork)} for work without a result. */
    public <X extends Exception> void txRun(SqlAction<X> work) throws X {
        tx(c -> {
            work.run(c);
            return null;
        });
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it and the database drops the transaction.
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** Database work returning a value. */
    @FunctionalInterface
    public interface SqlWork<T, X extends Exception> {
        T run(Tx tx) throws SQLException, X;
    }

    /** Database work without a value. */
    @FunctionalInterface
    public interface SqlAction<X extends Exception> {
        void run(Tx tx) throws SQLException, X;
    }
}
