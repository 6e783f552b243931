package org.qchat.server.state;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.SystemEvent;

import org.qchat.server.db.Tx;
import org.qchat.server.store.BlockStore;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.message.MessageLog.Append;
import org.qchat.server.store.message.MessageLog.Extras;

/**
 * The one way to change who may send where: each method writes the change into the database
 * transaction it is given and remembers it, and {@link #apply} puts everything remembered into
 * the {@link ChatState} once that transaction has committed. Created and used on the writer
 * thread, inside one state change; a rolled-back change is simply never applied.
 *
 * <p>Membership boundaries come from the conversations' last seqs in memory: the writer has stored
 * every message it handed a seq before the change began, so {@code fromSeq = lastSeq + 1} and
 * {@code untilSeq = lastSeq} agree exactly with the seqs around the change.
 *
 * <p>In a cluster other nodes append to the same conversations, so the boundary comes from the
 * database instead: the conversation row is locked and its {@code state_version} bumped
 * ({@link ConversationStore#lockForChange}), which also makes every node's append that decided
 * against the old members fail its version check. Nothing is applied in memory: the writer rereads
 * what the change {@link #touched} once it committed, here and on every other node.
 */
public final class StateEditor {

    private final ChatState state;
    private final ConversationStore conversations;
    private final BlockStore blocks;
    private final Tx tx;
    private final boolean clustered;
    private final Map<Long, Conversation> created = new HashMap<>();
    private final List<Runnable> pending = new ArrayList<>();
    /** Cluster: each conversation's last seq as read under its lock. */
    private final Map<Long, Long> lockedHeads = new HashMap<>();
    private final Touched touched = new Touched(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
    private final List<Line> lines = new ArrayList<>();
    /** Single server: conversations that handed out seqs to this change's lines. */
    private final Set<Conversation> lineConversations = new LinkedHashSet<>();

    /** A system line this change writes, and who it is pushed to once committed. */
    public record Line(Append append, long[] recipients) {
    }

    /**
     * What a committed change needs reread: conversations (whole), users' periods in the system
     * conversation, and pairs whose blocks changed ({@code "a:b"}).
     */
    public record Touched(Set<Long> conversations, Set<Long> systemUsers, Set<String> blockPairs) {
        public boolean isEmpty() {
            return conversations.isEmpty() && systemUsers.isEmpty() && blockPairs.isEmpty();
        }
    }

    /** Writer thread: an editor for one change written into the transaction {@code tx}. */
    public StateEditor(ChatState state, ConversationStore conversations, BlockStore blocks, Tx tx) {
        this(state, conversations, blocks, tx, false);
    }

    /** @param clustered whether other nodes append to the same database (see the class comment) */
    public StateEditor(ChatState state, ConversationStore conversations, BlockStore blocks, Tx tx, boolean clustered) {
        this.state = state;
        this.conversations = conversations;
        this.blocks = blocks;
        this.tx = tx;
        this.clustered = clustered;
    }

    /** Cluster: what this change needs reread once committed. */
    public Touched touched() {
        return touched;
    }

    /** The transaction every change of this editor is written into. */
    public Tx tx() {
        return tx;
    }

    /** The state as it was when the change began (nothing of this change applied yet). */
    public ChatState state() {
        return state;
    }

    /** The conversation's last stored seq, here or, in a cluster, on any node. */
    public long lastSeq(long convId) throws SQLException {
        return head(conversation(convId));
    }

    private long head(Conversation conv) throws SQLException {
        if (!clustered) {
            return conv.decidedSeq();
        }
        Long head = lockedHeads.get(conv.id());
        if (head == null && created.containsKey(conv.id())) {
            head = 0L;
            lockedHeads.put(conv.id(), head);
        }
        if (head == null) {
            head = conversations.lockForChange(tx, conv.id());
            lockedHeads.put(conv.id(), head);
        }
        return head;
    }

    private void touch(Conversation conv, long userId) {
        if (conv.kind() == ConversationKind.SYSTEM) {
            touched.systemUsers().add(userId);
        } else {
            touched.conversations().add(conv.id());
        }
    }

    public long createPrivate(long a, long b, long now) throws SQLException {
        long id = conversations.createPrivate(tx, a, b, now);
        Conversation conv = Conversation.ofPrivate(id, a, b);
        created.put(id, conv);
        touched.conversations().add(id);
        pending.add(() -> state.add(conv));
        return id;
    }

    public long createGroup(long now) throws SQLException {
        long id = conversations.createGroup(tx, now);
        Conversation conv = Conversation.ofGroup(id);
        created.put(id, conv);
        touched.conversations().add(id);
        pending.add(() -> state.add(conv));
        return id;
    }

    /** Starts a membership period of {@code userId} right after the conversation's last message. */
    public void openPeriod(long convId, long userId) throws SQLException {
        Conversation conv = conversation(convId);
        long head = head(conv);
        conversations.openPeriod(tx, convId, userId, head);
        touch(conv, userId);
        pending.add(() -> state.openPeriod(conv, userId, head + 1));
    }

    /** Ends the open membership period of {@code userId} at the conversation's last message. */
    public void closePeriod(long convId, long userId) throws SQLException {
        Conversation conv = conversation(convId);
        long head = head(conv);
        conversations.closePeriod(tx, convId, userId, head);
        touch(conv, userId);
        pending.add(() -> state.closePeriod(conv, userId, head));
    }

    /**
     * Writes a system line into the group's conversation at its next seq, as part of this change:
     * a period opened before it starts at it, one closed after it ends at it. It is stored with the
     * change's commit and pushed to {@code recipients} after it.
     */
    public void systemLine(long convId, long actorId, String text, SystemEvent event, long[] recipients, long now)
            throws SQLException {
        Conversation conv = conversation(convId);
        long seq;
        if (clustered) {
            seq = head(conv) + 1;
            lockedHeads.put(conv.id(), seq);
            touched.conversations().add(conv.id());
        } else {
            seq = conv.nextSeq();
            lineConversations.add(conv);
        }
        // Unique per sender like any clientMsgId; random, so no id a client chose can collide with it.
        String clientMsgId = "sys:" + java.util.UUID.randomUUID();
        lines.add(new Line(new Append(convId, seq, actorId, clientMsgId, text, now, MessageKind.SYSTEM, null,
                new Extras(null, null, null, event)), recipients.clone()));
    }

    /** The system lines of this change, in seq order per conversation. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Single server, after the lines were stored: readers may see them. */
    public void publishLines() {
        lineConversations.forEach(Conversation::publish);
    }

    /** Single server, when the change failed: the seqs handed to its lines are handed out again. */
    public void abandonLines() {
        lineConversations.forEach(Conversation::rollBack);
    }

    /**
     * A group's rules of who may send changed (a mute, all muted, a new admin): {@code rules} are
     * the rules as this change wrote them. In a cluster this moves the conversation's state version.
     */
    public void sendRulesChanged(long convId, SendRules rules) throws SQLException {
        Conversation conv = conversation(convId);
        head(conv);
        touched.conversations().add(conv.id());
        pending.add(() -> conv.setSendRules(rules));
    }

    public void block(long userId, long blockedId, long now) throws SQLException {
        blocks.block(tx, userId, blockedId, now);
        touchPair(userId, blockedId);
        pending.add(() -> state.block(userId, blockedId));
    }

    public void unblock(long userId, long blockedId) throws SQLException {
        blocks.unblock(tx, userId, blockedId);
        touchPair(userId, blockedId);
        pending.add(() -> state.unblock(userId, blockedId));
    }

    /** Cluster: a block decides sends in the pair's private conversation, so it moves that one's version. */
    private void touchPair(long a, long b) throws SQLException {
        if (!clustered) {
            return;
        }
        touched.blockPairs().add(Math.min(a, b) + ":" + Math.max(a, b));
        var conv = conversations.findPrivate(tx, a, b);
        Conversation known = conv.isEmpty() ? null : state.conversation(conv.get().id());
        if (known != null) {
            head(known);
            touched.conversations().add(known.id());
        } else if (conv.isPresent()) {
            // Another node created it and this one has not reread it yet: still move its version.
            conversations.lockForChange(tx, conv.get().id());
            touched.conversations().add(conv.get().id());
        }
    }

    /** Writer thread, after the commit: makes every change visible, in the order it was made. */
    public void apply() {
        pending.forEach(Runnable::run);
        pending.clear();
    }

    private Conversation conversation(long convId) throws SQLException {
        Conversation conv = created.get(convId);
        if (conv == null) {
            conv = state.conversation(convId);
        }
        if (conv == null && clustered) {
            // Created on another node, not reread here yet: enough to decide the boundary; the
            // reread after the commit adds it to the state.
            conv = conversations.find(tx, convId).map(r -> switch (r.kind()) {
                case PRIVATE -> Conversation.ofPrivate(r.id(), r.userLo(), r.userHi());
                case GROUP -> Conversation.ofGroup(r.id());
                case SYSTEM -> Conversation.ofSystem(r.id());
            }).orElse(null);
        }
        if (conv == null) {
            throw new IllegalStateException("no conversation " + convId + " in memory");
        }
        return conv;
    }
}
