package org.qchat.server.store.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.store.message.MessageLog.ClientKey;
import org.qchat.server.testing.PostgresSchema;

/** The database message store on PostgreSQL ({@code QCHAT_PG_URL}): one statement per batch. */
class JdbcMessageLogPostgresTest extends JdbcMessageLogContract {

    private PostgresSchema schema;

    @Override
    protected ServerConfig config(Path dataDir) {
        if (schema == null) {
            schema = PostgresSchema.fresh();
        }
        return ServerConfig.builder().dbUrl(schema.url()).dbSchema(schema.name()).build();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    /**
     * A server prepares its statements while the messages table is empty and runs them for as long
     * as it lives: the plans PostgreSQL caches then must not scan the whole table once it is large.
     */
    @Test
    void lookupsByKeyStayIndexLookupsAfterTheTableGrows() throws Exception {
        long conv = newConversation();
        long sender = newUser();
        int lookups = 20;
        Scans empty = scans();
        for (int i = 0; i < lookups; i++) {
            log.findByClientIds(List.of(new ClientKey(sender, clientId())));
        }
        awaitScansCounted(empty, lookups);
        for (int seq = 1; seq <= 20_000; seq += 1_000) {
            appendMessages(conv, sender, seq, 1_000);
        }

        Scans grown = scans();
        for (int i = 0; i < lookups; i++) {
            assertThat(log.findByClientIds(List.of(new ClientKey(sender, clientId())))).isEmpty();
        }
        Scans after = awaitScansCounted(grown, lookups);

        assertThat(after.sequential() - grown.sequential()).as("whole-table scans of messages").isZero();
    }

    /** Scans of the messages table so far, as PostgreSQL's statistics report them. */
    private record Scans(long sequential, long index) {
        long total() {
            return sequential + index;
        }
    }

    /** Waits until the statistics count at least {@code count} scans more than {@code since}: backends report them late. */
    private Scans awaitScansCounted(Scans since, int count) {
        Scans[] last = {since};
        await("statistics of " + count + " lookups").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> (last[0] = scans()).total() >= since.total() + count);
        return last[0];
    }

    /**
     * A cluster node's append locks its conversations' rows; another transaction meanwhile inserting
     * a row that references one of them (a device cursor: its foreign key takes a key-share lock)
     * must not wait for it, nor it for that transaction: the two taking those locks in opposite
     * orders deadlocked two nodes under load.
     */
    @Test
    void aCheckedAppendNeitherWaitsForNorBlocksARowThatReferencesItsConversation() throws Exception {
        long conv = newConversation();
        long sender = newUser();
        try (Connection other = DriverManager.getConnection(schema.url())) {
            other.setAutoCommit(false);
            try (var st = other.createStatement()) {
                st.execute("SET search_path TO " + schema.name());
                // The cursor's foreign key share-locks the conversation row until this transaction ends.
                st.execute("INSERT INTO device_cursors (user_id, device, conv_id, seq, updated_at) VALUES ("
                        + sender + ", 'd', " + conv + ", 0, 0)");
            }
            var append = java.util.concurrent.CompletableFuture.supplyAsync(() -> ((JdbcMessageLog) log).checkedAppend(
                    List.of(new MessageLog.Append(conv, 1, sender, clientId(), "while a cursor is written", 1)),
                    java.util.Map.of(conv, JdbcMessageLog.ANY_VERSION)));
            JdbcMessageLog.Checked checked = append.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(checked.stored()).extracting(m -> m.seq()).containsExactly(1L);
            other.commit();
        }
    }

    private Scans scans() throws SQLException {
        try (Connection c = DriverManager.getConnection(schema.url());
             PreparedStatement st = c.prepareStatement("SELECT coalesce(seq_scan, 0), coalesce(idx_scan, 0) "
                     + "FROM pg_stat_user_tables WHERE schemaname = ? AND relname = 'messages'")) {
            st.setString(1, schema.name());
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("statistics of %s.messages", schema.name()).isTrue();
                return new Scans(rs.getLong(1), rs.getLong(2));
            }
        }
    }
}
