package org.qchat.client.core.history;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.MessageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LocalHistory} in an embedded H2 database file. One row per message: its whole protocol
 * JSON (so every field survives) beside the columns we look things up by, and its searchable text.
 * One thread of its own does all disk work, in order, holding the only connection.
 *
 * <p>If the file cannot be opened (another client of the same profile holds it, a broken disk),
 * the store keeps nothing and says so once in the log: the client then works from the server alone.
 */
public final class H2LocalHistory implements LocalHistory {

    private static final Logger log = LoggerFactory.getLogger(H2LocalHistory.class);

    private static final String UPSERT = "MERGE INTO messages (conv_id, seq, sender_id, time, search_text, body) "
            + "KEY (conv_id, seq) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT_ONE = "SELECT body FROM messages WHERE conv_id = ? AND seq = ?";
    private static final String UPDATE_HELD = "UPDATE messages SET sender_id = ?, time = ?, search_text = ?, body = ? "
            + "WHERE conv_id = ? AND seq = ?";
    private static final String BEFORE = "SELECT body FROM messages WHERE conv_id = ? AND seq < ? "
            + "ORDER BY seq DESC LIMIT ?";
    private static final String RANGE = "SELECT body FROM messages WHERE conv_id = ? AND seq BETWEEN ? AND ? "
            + "ORDER BY seq LIMIT ?";
    private static final String SEARCH = "SELECT body FROM messages WHERE search_text LIKE ? ESCAPE '\\' "
            + "ORDER BY time DESC, conv_id, seq DESC LIMIT ?";
    private static final String UPSERT_CONVERSATION = "MERGE INTO conversations (conv_id, info) KEY (conv_id) VALUES (?, ?)";
    private static final String CONVERSATION_IDS = "SELECT conv_id FROM conversations UNION SELECT DISTINCT conv_id FROM messages";
    private static final String CONVERSATION_INFO = "SELECT info FROM conversations WHERE conv_id = ?";

    private final Path file;
    private final ExecutorService worker;
    private Connection connection;
    private boolean broken;

    /**
     * Opens (creating if needed) the database {@code file} (a path without H2's ".mv.db" ending).
     * Returns at once; the file is opened on the store's thread before its first task.
     */
    public H2LocalHistory(Path file) {
        this.file = file.toAbsolutePath();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "qchat-history");
            t.setDaemon(true);
            return t;
        });
    }

    /** The history of {@code userId}, of the account {@code accountKey} names, in {@code folder}. */
    public static H2LocalHistory of(Path folder, String accountKey, long userId) {
        String account = UUID.nameUUIDFromBytes(accountKey.getBytes(StandardCharsets.UTF_8)).toString().substring(0, 8);
        return new H2LocalHistory(folder.resolve("u" + userId + "-" + account).resolve("history"));
    }

    // ---- writes ---------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> store(Collection<MessageInfo> messages) {
        List<MessageInfo> copy = List.copyOf(messages);
        return run(null, c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                for (MessageInfo m : copy) {
                    upsert.setLong(1, m.convId());
                    upsert.setLong(2, m.seq());
                    upsert.setLong(3, m.senderId());
                    upsert.setLong(4, m.time());
                    upsert.setString(5, SearchText.of(m));
                    upsert.setString(6, HistoryJson.write(m));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> replace(MessageInfo m) {
        return run(null, c -> {
            replaceNow(c, m);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> erase(long convId, long seq, long recalledBy) {
        return run(null, c -> {
            MessageInfo held = one(c, convId, seq);
            if (held != null) {
                replaceNow(c, held.recalled(recalledBy));
            }
            return null;
        });
    }

    private static void replaceNow(Connection c, MessageInfo m) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE_HELD)) {
            update.setLong(1, m.senderId());
            update.setLong(2, m.time());
            update.setString(3, SearchText.of(m));
            update.setString(4, HistoryJson.write(m));
            update.setLong(5, m.convId());
            update.setLong(6, m.seq());
            update.executeUpdate();
        }
    }

    @Override
    public CompletableFuture<Void> clear() {
        return run(null, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM messages");
                s.execute("DELETE FROM conversations");
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> storeConversations(Collection<ConversationInfo> conversations) {
        List<ConversationInfo> copy = List.copyOf(conversations);
        return run(null, c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT_CONVERSATION)) {
                for (ConversationInfo info : copy) {
                    upsert.setLong(1, info.convId());
                    upsert.setString(2, HistoryJson.write(info));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    // ---- reads ----------------------------------------------------------------------------

    @Override
    public CompletableFuture<List<HeldConversation>> conversations(int messagesEach) {
        return run(List.of(), c -> {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(CONVERSATION_IDS)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            Map<Long, HeldConversation> held = new LinkedHashMap<>();
            for (long convId : ids) {
                ConversationInfo info = null;
                try (PreparedStatement q = c.prepareStatement(CONVERSATION_INFO)) {
                    q.setLong(1, convId);
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next()) {
                            info = HistoryJson.read(rs.getString(1), ConversationInfo.class);
                        }
                    }
                }
                held.put(convId, new HeldConversation(convId, info, beforeNow(c, convId, Long.MAX_VALUE, messagesEach)));
            }
            return List.copyOf(held.values());
        });
    }

    @Override
    public CompletableFuture<List<MessageInfo>> before(long convId, Long beforeSeq, int limit) {
        return run(List.of(), c -> beforeNow(c, convId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, limit));
    }

    private static List<MessageInfo> beforeNow(Connection c, long convId, long beforeSeq, int limit) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(BEFORE)) {
            q.setLong(1, convId);
            q.setLong(2, beforeSeq);
            q.setInt(3, limit);
            List<MessageInfo> newestFirst = bodies(q);
            Collections.reverse(newestFirst);
            return newestFirst;
        }
    }

    @Override
    public CompletableFuture<List<MessageInfo>> range(long convId, long fromSeq, long toSeq, int limit) {
        return run(List.of(), c -> {
            try (PreparedStatement q = c.prepareStatement(RANGE)) {
                q.setLong(1, convId);
                q.setLong(2, fromSeq);
                q.setLong(3, toSeq);
                q.setInt(4, limit);
                return bodies(q);
            }
        });
    }

    @Override
    public CompletableFuture<List<MessageInfo>> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            return CompletableFuture.completedFuture(List.of());
        }
        String pattern = SearchText.containsPattern(query.strip());
        return run(List.of(), c -> {
            try (PreparedStatement q = c.prepareStatement(SEARCH)) {
                q.setString(1, pattern);
                q.setInt(2, limit);
                return bodies(q);
            }
        });
    }

    private static MessageInfo one(Connection c, long convId, long seq) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(SELECT_ONE)) {
            q.setLong(1, convId);
            q.setLong(2, seq);
            List<MessageInfo> found = bodies(q);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    private static List<MessageInfo> bodies(PreparedStatement q) throws SQLException {
        List<MessageInfo> out = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.add(HistoryJson.read(rs.getString(1), MessageInfo.class));
            }
        }
        return out;
    }

    // ---- the store's thread ---------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T on(Connection c) throws Exception;
    }

    /**
     * Runs {@code work} on the store's thread. Without a usable file it completes with
     * {@code withoutFile} (nothing held: the caller asks the server); a failure of the work itself
     * fails the future.
     */
    private <T> CompletableFuture<T> run(T withoutFile, Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    Connection c = connection();
                    result.complete(c == null ? withoutFile : work.on(c));
                } catch (Exception e) {
                    log.warn("local history {}: {}", file, e.toString());
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            result.completeExceptionally(closed);
        }
        return result;
    }

    private Connection connection() {
        if (connection == null && !broken) {
            Connection opened = null;
            try {
                Files.createDirectories(file.getParent());
                opened = DriverManager.getConnection("jdbc:h2:file:" + file);
                HistorySchema.migrate(opened);
                connection = opened;
            } catch (Exception e) {
                broken = true;
                closeQuietly(opened);
                log.warn("local history {} unavailable, messages come from the server only: {}", file, e.toString());
            }
        }
        return connection;
    }

    /** Queues the release of the file after the work already queued; returns at once. */
    @Override
    public void close() {
        try {
            worker.execute(() -> {
                closeQuietly(connection); // the last connection closes the database (H2's default)
                connection = null;
                broken = true; // nothing more after closing
            });
        } catch (java.util.concurrent.RejectedExecutionException alreadyClosed) {
            return;
        }
        worker.shutdown();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("closing local history: {}", e.toString());
            }
        }
    }
}
