package org.qchat.bench.qchat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.qchat.bench.load.Population;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.Role;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.db.Database;
import org.qchat.server.service.PasswordHasher;
import org.qchat.server.service.TokenGenerator;
import org.qchat.server.store.ConversationRecord;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.FriendStore;
import org.qchat.server.store.GroupStore;
import org.qchat.server.store.SessionStore;
import org.qchat.server.store.UserStore;

/**
 * The users, sessions, friendships and groups of a {@link Population}, written into the server's
 * database (through the server's own stores, so the rows are what the server itself would write)
 * before the server starts. Registering through the protocol would spend one argon2id hash —
 * tens of milliseconds of server CPU — per user; every seeded user shares one real hash of
 * {@link #PASSWORD}, and clients log in with a seeded session token ({@code resume}), or with the
 * password where a workload measures logins.
 */
public record QchatFixture(Population population, long[] userIds, String[] usernames, String[] tokens,
                           long[] pairConvs, long[] groupConvs) {

    public static final String PASSWORD = "bench-password-1";
    public static final String DEVICE = "bench";
    private static final int USERS_PER_TRANSACTION = 1_000;

    public static String username(int user) {
        return String.format("bench%05d", user);
    }

    /** The admin user (user 0), who may broadcast. */
    public static String adminUsername() {
        return username(0);
    }

    public static QchatFixture seed(ServerConfig config, Population population) {
        int n = population.users();
        long[] userIds = new long[n];
        String[] usernames = new String[n];
        String[] tokens = new String[n];
        long[] pairConvs = new long[population.pairCount()];
        long[] groupConvs = new long[population.groupCount()];
        String hash = new PasswordHasher().hash(PASSWORD);
        TokenGenerator tokenGenerator = new TokenGenerator();
        UserStore users = new UserStore();
        SessionStore sessions = new SessionStore();
        ConversationStore conversations = new ConversationStore();
        FriendStore friends = new FriendStore();
        GroupStore groups = new GroupStore();
        long now = System.currentTimeMillis();
        try (Database db = Database.open(config)) {
            for (int from = 0; from < n; from += USERS_PER_TRANSACTION) {
                int start = from;
                int end = Math.min(n, from + USERS_PER_TRANSACTION);
                db.txRun(c -> {
                    // Every user reads the announcement conversation from where it stood at sign-up.
                    ConversationRecord system = conversations.find(c, ConversationRecord.SYSTEM_ID).orElseThrow();
                    for (int u = start; u < end; u++) {
                        usernames[u] = username(u);
                        userIds[u] = users.insert(c, usernames[u], usernames[u], hash, now);
                        conversations.openPeriod(c, system.id(), userIds[u], system.lastSeq());
                        tokens[u] = tokenGenerator.newToken();
                        sessions.insert(c, userIds[u], TokenGenerator.hash(tokens[u]), DEVICE, now);
                    }
                });
            }
            db.txRun(c -> {
                for (int p = 0; p < pairConvs.length; p++) {
                    long a = userIds[2 * p];
                    long b = userIds[2 * p + 1];
                    long conv = conversations.createPrivate(c, a, b, now);
                    conversations.openPeriod(c, conv, a, 0);
                    conversations.openPeriod(c, conv, b, 0);
                    friends.addFriendship(c, a, b, conv, now);
                    pairConvs[p] = conv;
                }
                for (int g = 0; g < groupConvs.length; g++) {
                    int first = g * population.groupSize();
                    long conv = conversations.createGroup(c, now);
                    groups.insert(c, conv, "bench group " + g, JoinPolicy.OPEN, userIds[first], now);
                    for (int u = first; u < first + population.groupSize(); u++) {
                        groups.addMember(c, conv, userIds[u], u == first ? Role.OWNER : Role.MEMBER, now);
                        conversations.openPeriod(c, conv, userIds[u], 0);
                    }
                    groupConvs[g] = conv;
                }
            });
        }
        return new QchatFixture(population, userIds, usernames, tokens, pairConvs, groupConvs);
    }

    /**
     * Stores {@code count} messages (seq 1..count, 200-character texts, alternating senders) in the
     * first pair's conversation, in batches, as if they had been sent: for the history workload.
     */
    public void seedHistory(ServerConfig config, int count, int textLength) {
        long conv = pairConvs[0];
        long[] senders = {userIds[0], userIds[1]};
        String text = "h".repeat(textLength);
        String sql = "INSERT INTO messages (conv_id, seq, sender_id, client_msg_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)";
        long now = System.currentTimeMillis();
        try (Database db = Database.open(config)) {
            int perTransaction = 50_000;
            for (int from = 1; from <= count; from += perTransaction) {
                int start = from;
                int end = Math.min(count, from + perTransaction - 1);
                db.txRun(c -> insertBatch(c, sql, conv, senders, text, start, end, now));
            }
            db.txRun(c -> new ConversationStore().setLastSeqs(c, java.util.Map.of(conv, (long) count)));
        }
    }

    private static void insertBatch(Connection c, String sql, long conv, long[] senders, String text, int from, int to,
                                    long now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int seq = from; seq <= to; seq++) {
                insert.setLong(1, conv);
                insert.setLong(2, seq);
                insert.setLong(3, senders[seq % 2]);
                insert.setString(4, "h" + seq);
                insert.setString(5, text);
                insert.setLong(6, now);
                insert.addBatch();
                if (seq % 5_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    public long pairConv(int user) {
        return pairConvs[population.pairOf(user)];
    }

    public long groupConv(int user) {
        return groupConvs[population.groupOf(user)];
    }
}
