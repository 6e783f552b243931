package org.qchat.client.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The local history's tables, versioned: each step brings a file from the version before it to
 * its own, so a file written by an older client opens in a newer one. A file from a newer client
 * than this one is not touched (it is a cache: this client then works without it).
 */
final class HistorySchema {

    /** Step {@code n} (index n - 1) brings a version n - 1 file to version n. */
    private static final List<List<String>> STEPS = List.of(
            List.of(
                    // body: the message's protocol JSON; the other columns are copies to look it up by.
                    "CREATE TABLE messages (conv_id BIGINT NOT NULL, seq BIGINT NOT NULL, sender_id BIGINT NOT NULL, "
                            + "time BIGINT NOT NULL, search_text VARCHAR NOT NULL, body VARCHAR NOT NULL, "
                            + "PRIMARY KEY (conv_id, seq))",
                    "CREATE INDEX messages_by_time ON messages (time)",
                    // info: the conversation's entry of the last sync.state, as protocol JSON.
                    "CREATE TABLE conversations (conv_id BIGINT PRIMARY KEY, info VARCHAR NOT NULL)"));

    static final int VERSION = STEPS.size();

    private HistorySchema() {
    }

    static void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
        }
        int version = current(c);
        if (version > VERSION) {
            throw new SQLException("local history has schema version " + version + ", this client knows " + VERSION);
        }
        c.setAutoCommit(false);
        try {
            for (int v = version; v < VERSION; v++) {
                try (Statement s = c.createStatement()) {
                    for (String sql : STEPS.get(v)) {
                        s.execute(sql);
                    }
                }
            }
            if (version != VERSION) {
                try (Statement s = c.createStatement()) {
                    s.execute("DELETE FROM schema_version");
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO schema_version VALUES (?)")) {
                    insert.setInt(1, VERSION);
                    insert.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
