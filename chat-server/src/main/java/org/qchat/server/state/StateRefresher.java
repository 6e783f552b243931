package org.qchat.server.state;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.qchat.protocol.model.ConversationKind;
import org.qchat.server.db.Jdbc;
import org.qchat.server.db.Tx;
import org.qchat.server.store.MembershipPeriod;

/**
 * Cluster: rereads parts of the {@link ChatState} from the shared database after another node
 * changed them — one conversation (members, periods, head, state version, and for a private one
 * the blocks between its two users), a pair's blocks, or one user's periods. Writer thread only,
 * like every other change of the state.
 */
public final class StateRefresher {

    private static final String CONVERSATION = "SELECT kind, user_lo, user_hi, last_seq, state_version "
            + "FROM conversations WHERE id = ?";
    private static final String PERIODS_IN = "SELECT user_id, conv_id, from_seq, until_seq FROM conversation_members "
            + "WHERE conv_id = ? ORDER BY user_id, from_seq";
    private static final String PERIODS_OF = "SELECT user_id, conv_id, from_seq, until_seq FROM conversation_members "
            + "WHERE user_id = ? ORDER BY conv_id, from_seq";
    private static final String PAIR_BLOCKS = "SELECT user_id, blocked_id FROM blocks "
            + "WHERE (user_id = ? AND blocked_id = ?) OR (user_id = ? AND blocked_id = ?)";

    private final ChatState state;

    public StateRefresher(ChatState state) {
        this.state = state;
    }

    private record Row(long userId, MembershipPeriod period) {
    }

    private record ConversationRow(ConversationKind kind, long userLo, long userHi, long lastSeq, long version) {
    }

    /**
     * Rereads the conversation; one this node did not know yet is added, with all its messages
     * still to push here. Returns it, or empty if the database has no such conversation.
     */
    public Optional<Conversation> reloadConversation(Tx c, long convId) throws SQLException {
        Optional<ConversationRow> found = Jdbc.one(c, CONVERSATION, rs -> new ConversationRow(
                ConversationKind.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5)), convId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConversationRow row = found.get();
        Conversation conv = state.conversation(convId);
        boolean fresh = conv == null;
        if (fresh) {
            conv = switch (row.kind()) {
                case PRIVATE -> Conversation.ofPrivate(convId, row.userLo(), row.userHi());
                case GROUP -> Conversation.ofGroup(convId);
                case SYSTEM -> Conversation.ofSystem(convId);
            };
            conv.setLastSeq(row.lastSeq());
            // Every conversation that existed when this node started was loaded then: one it meets
            // now is newer, so none of its messages was pushed here yet, whatever its head.
            conv.pushLock().lock();
            try {
                conv.setPushedSeq(0);
            } finally {
                conv.pushLock().unlock();
            }
        }
        conv.advanceTo(row.lastSeq());
        conv.resumeFromHead();
        conv.setStateVersion(row.version());
        if (row.kind() != ConversationKind.SYSTEM) {
            // The system conversation's periods are everyone's: each user's are reread at their login.
            Map<Long, List<MembershipPeriod>> byUser = new LinkedHashMap<>();
            for (Row r : Jdbc.list(c, PERIODS_IN, StateRefresher::row, convId)) {
                byUser.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(r.period());
            }
            List<Long> members = new ArrayList<>();
            byUser.forEach((userId, periods) -> {
                state.setPeriods(userId, state.periodsOf(userId).replacing(convId, periods));
                if (periods.get(periods.size() - 1).isOpen()) {
                    members.add(userId);
                }
            });
            conv.setMembers(members.stream().mapToLong(Long::longValue).sorted().toArray());
        }
        if (row.kind() == ConversationKind.GROUP) {
            conv.setSendRules(SendRulesReader.read(c, convId));
        }
        if (row.kind() == ConversationKind.PRIVATE) {
            reloadBlocks(c, row.userLo(), row.userHi());
        }
        if (fresh) {
            state.add(conv);
        }
        return Optional.of(conv);
    }

    /**
     * Rereads what a state change touched (here after its commit, or on word of it from another
     * node): whole conversations, users' periods, and the blocks of pairs written {@code "a:b"}.
     * Null lists are empty.
     */
    public void reread(Tx c, Collection<Long> conversations, Collection<Long> users, Collection<String> pairs)
            throws SQLException {
        for (long convId : conversations == null ? List.<Long>of() : conversations) {
            reloadConversation(c, convId);
        }
        for (long userId : users == null ? List.<Long>of() : users) {
            reloadUser(c, userId);
        }
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int colon = pair.indexOf(':');
            reloadBlocks(c, Long.parseLong(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
        }
    }

    /** Rereads whether each of the two users blocks the other. */
    public void reloadBlocks(Tx c, long a, long b) throws SQLException {
        boolean aBlocksB = false;
        boolean bBlocksA = false;
        for (long[] r : Jdbc.list(c, PAIR_BLOCKS, rs -> new long[] {rs.getLong(1), rs.getLong(2)}, a, b, b, a)) {
            if (r[0] == a) {
                aBlocksB = true;
            } else {
                bBlocksA = true;
            }
        }
        set(a, b, aBlocksB);
        set(b, a, bBlocksA);
    }

    private void set(long userId, long blockedId, boolean blocked) {
        if (blocked) {
            state.block(userId, blockedId);
        } else {
            state.unblock(userId, blockedId);
        }
    }

    /**
     * Rereads every period of the user; a conversation this node did not know, or whose members
     * disagree with the user's periods, is reread whole.
     */
    public void reloadUser(Tx c, long userId) throws SQLException {
        Map<Long, List<MembershipPeriod>> byConv = new LinkedHashMap<>();
        for (Row r : Jdbc.list(c, PERIODS_OF, StateRefresher::row, userId)) {
            byConv.computeIfAbsent(r.period().convId(), k -> new ArrayList<>()).add(r.period());
        }
        for (Map.Entry<Long, List<MembershipPeriod>> e : byConv.entrySet()) {
            long convId = e.getKey();
            List<MembershipPeriod> periods = e.getValue();
            Conversation conv = state.conversation(convId);
            boolean member = periods.get(periods.size() - 1).isOpen();
            if (conv == null || (conv.kind() != ConversationKind.SYSTEM && conv.hasMember(userId) != member)) {
                reloadConversation(c, convId);
            } else {
                state.setPeriods(userId, state.periodsOf(userId).replacing(convId, periods));
            }
        }
    }

    private static Row row(java.sql.ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), new MembershipPeriod(rs.getLong(2), rs.getLong(3), Jdbc.nullableLong(rs, "until_seq")));
    }
}
