package org.qchat.server.state;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qchat.server.db.Tx;
import org.qchat.server.store.BlockStore;
import org.qchat.server.store.ConversationStore;

/**
 * The one way to change who may send where: each method writes the change into the database
 * transaction it is given and remembers it, and {@link #apply} puts everything remembered into
 * the {@link ChatState} once that transaction has committed. Created and used on the writer
 * thread, inside one state change; a rolled-back change is simply never applied.
 *
 * <p>Membership boundaries come from the conversations' last seqs in memory: the writer has stored
 * every message it handed a seq before the change began, so {@code fromSeq = lastSeq + 1} and
 * {@code untilSeq = lastSeq} agree exactly with the seqs around the change.
 */
public final class StateEditor {

    private final ChatState state;
    private final ConversationStore conversations;
    private final BlockStore blocks;
    private final Tx tx;
    private final Map<Long, Conversation> created = new HashMap<>();
    private final List<Runnable> pending = new ArrayList<>();

    /** Writer thread: an editor for one change written into the transaction {@code tx}. */
    public StateEditor(ChatState state, ConversationStore conversations, BlockStore blocks, Tx tx) {
        this.state = state;
        this.conversations = conversations;
        this.blocks = blocks;
        this.tx = tx;
    }

    /** The transaction every change of this editor is written into. */
    public Tx tx() {
        return tx;
    }

    /** The state as it was when the change began (nothing of this change applied yet). */
    public ChatState state() {
        return state;
    }

    /** The conversation's last stored seq. */
    public long lastSeq(long convId) {
        return conversation(convId).decidedSeq();
    }

    public long createPrivate(long a, long b, long now) throws SQLException {
        long id = conversations.createPrivate(tx, a, b, now);
        Conversation conv = Conversation.ofPrivate(id, a, b);
        created.put(id, conv);
        pending.add(() -> state.add(conv));
        return id;
    }

    public long createGroup(long now) throws SQLException {
        long id = conversations.createGroup(tx, now);
        Conversation conv = Conversation.ofGroup(id);
        created.put(id, conv);
        pending.add(() -> state.add(conv));
        return id;
    }

    /** Starts a membership period of {@code userId} right after the conversation's last message. */
    public void openPeriod(long convId, long userId) throws SQLException {
        Conversation conv = conversation(convId);
        conversations.openPeriod(tx, convId, userId, conv.decidedSeq());
        pending.add(() -> state.openPeriod(conv, userId));
    }

    /** Ends the open membership period of {@code userId} at the conversation's last message. */
    public void closePeriod(long convId, long userId) throws SQLException {
        Conversation conv = conversation(convId);
        conversations.closePeriod(tx, convId, userId, conv.decidedSeq());
        pending.add(() -> state.closePeriod(conv, userId));
    }

    public void block(long userId, long blockedId, long now) throws SQLException {
        blocks.block(tx, userId, blockedId, now);
        pending.add(() -> state.block(userId, blockedId));
    }

    public void unblock(long userId, long blockedId) throws SQLException {
        blocks.unblock(tx, userId, blockedId);
        pending.add(() -> state.unblock(userId, blockedId));
    }

    /** Writer thread, after the commit: makes every change visible, in the order it was made. */
    public void apply() {
        pending.forEach(Runnable::run);
        pending.clear();
    }

    private Conversation conversation(long convId) {
        Conversation conv = created.get(convId);
        if (conv == null) {
            conv = state.conversation(convId);
        }
        if (conv == null) {
            throw new IllegalStateException("no conversation " + convId + " in memory");
        }
        return conv;
    }
}
