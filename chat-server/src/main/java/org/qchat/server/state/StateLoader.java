package org.qchat.server.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.qchat.server.db.Tx;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.server.db.Database;
import org.qchat.server.db.Jdbc;
import org.qchat.server.store.message.MessageLog;

/**
 * Builds the {@link ChatState} at start: conversations, membership periods and blocks from the
 * database, each conversation's last seq from the message store. Rows are streamed, never held.
 */
public final class StateLoader {

    private static final String CONVERSATIONS = "SELECT id, kind, user_lo, user_hi, state_version FROM conversations";
    private static final String PERIODS = "SELECT user_id, conv_id, from_seq, until_seq FROM conversation_members "
            + "ORDER BY user_id, conv_id, from_seq";
    private static final String BLOCKS = "SELECT user_id, blocked_id FROM blocks";
    /** Rows fetched per round trip; without it PostgreSQL's driver reads the whole result into memory. */
    private static final int FETCH_SIZE = 10_000;

    private StateLoader() {
    }

    public static ChatState load(Database db, MessageLog messages) {
        ChatState state = new ChatState();
        db.txRun(c -> {
            loadConversations(c, state);
            loadPeriods(c, state);
            loadBlocks(c, state);
            for (var rules : SendRulesReader.readAll(c).entrySet()) {
                Conversation conv = state.conversation(rules.getKey());
                if (conv != null) {
                    conv.setSendRules(rules.getValue());
                }
            }
        });
        messages.forEachHead((convId, lastSeq) -> {
            Conversation conv = state.conversation(convId);
            if (conv != null) {
                conv.setLastSeq(lastSeq);
            }
        });
        state.rebuildMembers();
        return state;
    }

    private static void loadConversations(Tx c, ChatState state) throws SQLException {
        stream(c, CONVERSATIONS, rs -> {
            long id = rs.getLong(1);
            ConversationKind kind = ConversationKind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT));
            Conversation conv = switch (kind) {
                case PRIVATE -> Conversation.ofPrivate(id, rs.getLong(3), rs.getLong(4));
                case GROUP -> Conversation.ofGroup(id);
                case SYSTEM -> Conversation.ofSystem(id);
            };
            conv.setStateVersion(rs.getLong(5));
            state.add(conv);
        });
    }

    private static void loadPeriods(Tx c, ChatState state) throws SQLException {
        long[] user = {-1};
        Periods.Builder[] builder = {null};
        stream(c, PERIODS, rs -> {
            long userId = rs.getLong(1);
            if (userId != user[0]) {
                if (builder[0] != null) {
                    state.setPeriods(user[0], builder[0].build());
                }
                user[0] = userId;
                builder[0] = new Periods.Builder();
            }
            builder[0].add(rs.getLong(2), rs.getLong(3), Jdbc.nullableLong(rs, "until_seq"));
        });
        if (builder[0] != null) {
            state.setPeriods(user[0], builder[0].build());
        }
    }

    private static void loadBlocks(Tx c, ChatState state) throws SQLException {
        stream(c, BLOCKS, rs -> state.block(rs.getLong(1), rs.getLong(2)));
    }

    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void stream(Tx c, String sql, RowConsumer consumer) throws SQLException {
        try (PreparedStatement ps = c.connection().prepareStatement(sql)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }
}
