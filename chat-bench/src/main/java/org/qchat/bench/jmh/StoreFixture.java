package org.qchat.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.qchat.server.config.ServerConfig;
import org.qchat.server.db.Database;
import org.qchat.server.db.Jdbc;
import org.qchat.server.config.Durability;
import org.qchat.server.store.message.JdbcMessageLog;
import org.qchat.server.store.message.MessageLog;
import org.qchat.server.store.message.file.SegmentedMessageLog;

/**
 * One message store of {@link StoreBenchmark}, new and empty, in a temporary directory (or, for
 * PostgreSQL, a fresh schema), and everything it needs removed again on {@link #close()}.
 *
 * <ul>
 *   <li>{@code segmented-process}, {@code segmented-power}: {@link SegmentedMessageLog} with that
 *       {@link Durability};
 *   <li>{@code h2}: {@link JdbcMessageLog} on the embedded H2 file database, with the server's URL
 *       settings ({@link ServerConfig#effectiveDbUrl()});
 *   <li>{@code postgres}: {@link JdbcMessageLog} on {@code QCHAT_PG_URL}, in a schema of its own that
 *       is dropped afterwards;
 *   <li>{@code rocksdb}: {@link RocksMessageLog}.
 * </ul>
 * The database stores check their messages' conversation and sender against the {@code conversations}
 * and {@code users} tables, so {@link #open} creates those rows first.
 */
final class StoreFixture implements AutoCloseable {

    static final String PG_URL = "QCHAT_PG_URL";

    final MessageLog log;
    private final Path dir;
    private final Database database;
    private final String schema;

    private StoreFixture(MessageLog log, Path dir, Database database, String schema) {
        this.log = log;
        this.dir = dir;
        this.database = database;
        this.schema = schema;
    }

    /** A new, empty store of kind {@code store} that accepts messages of these conversations and senders. */
    static StoreFixture open(String store, long[] convIds, long[] senderIds) throws IOException {
        Path dir = Files.createTempDirectory("qchat-store-bench-" + store + "-");
        return switch (store) {
            case "segmented-process" -> new StoreFixture(SegmentedMessageLog.open(dir, Durability.PROCESS), dir, null, null);
            case "segmented-power" -> new StoreFixture(SegmentedMessageLog.open(dir, Durability.POWER), dir, null, null);
            case "rocksdb" -> new StoreFixture(new RocksMessageLog(dir), dir, null, null);
            case "h2" -> database(ServerConfig.builder().dataDir(dir).build(), dir, null, convIds, senderIds);
            case "postgres" -> {
                String url = System.getenv(PG_URL);
                if (url == null || url.isBlank()) {
                    throw new IllegalStateException("store=postgres needs " + PG_URL + ", a JDBC URL such as "
                            + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
                }
                String schema = "store_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                yield database(ServerConfig.builder().dataDir(dir).dbUrl(url).dbSchema(schema).build(), dir, schema,
                        convIds, senderIds);
            }
            default -> throw new IllegalArgumentException("unknown store " + store);
        };
    }

    private static StoreFixture database(ServerConfig config, Path dir, String schema, long[] convIds, long[] senderIds) {
        Database database = Database.open(config);
        database.txRun(c -> {
            List<Object[]> users = new ArrayList<>();
            for (long id : senderIds) {
                String name = "bench" + id;
                users.add(new Object[] {id, name, name, name, name, "", "x", 0L});
            }
            Jdbc.updateBatch(c, "INSERT INTO users (id, username, username_lower, nickname, nickname_lower, signature, "
                    + "password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", users);
            List<Object[]> conversations = new ArrayList<>();
            for (long id : convIds) {
                conversations.add(new Object[] {id, "group", 0L});
            }
            Jdbc.updateBatch(c, "INSERT INTO conversations (id, kind, created_at) VALUES (?, ?, ?)", conversations);
        });
        return new StoreFixture(new JdbcMessageLog(database), dir, database, schema);
    }

    /** Where the store keeps its files (for PostgreSQL: nothing but the unused data dir). */
    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        log.close();
        if (database != null) {
            if (schema != null) {
                database.txRun(c -> {
                    try (Statement s = c.connection().createStatement()) {
                        s.execute("DROP SCHEMA " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
                    }
                });
            }
            database.close();
        }
        deleteRecursively(dir);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
