package org.qchat.server.state;

import java.util.concurrent.ConcurrentHashMap;

import org.qchat.protocol.model.ConversationKind;

/**
 * Who may send where, held in memory so that no message costs a database read: every
 * conversation with its members and last seq, every user's membership periods, and blocks.
 * Loaded at start ({@link StateLoader}); afterwards changed only on the writer thread, through
 * {@link StateEditor} after the change was committed to the database and in the order of the
 * message appends around it. So a message is checked against exactly the state acknowledged
 * before it: a member kicked with {@code ok} returned cannot get a later message stored.
 *
 * <p>Threads: reads from any thread see each conversation and each user's periods whole (they are
 * replaced, not edited in place); {@link #blocks} is the writer's alone.
 */
public final class ChatState {

    private final ConcurrentHashMap<Long, Conversation> conversations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Periods> periods = new ConcurrentHashMap<>();
    private final Blocks blocks = new Blocks();

    /** The conversation, or null if there is none with this id. */
    public Conversation conversation(long convId) {
        return conversations.get(convId);
    }

    /** Every period of the user; none for an unknown user. */
    public Periods periodsOf(long userId) {
        return periods.getOrDefault(userId, Periods.NONE);
    }

    /** Writer thread: whether {@code userId} blocked {@code blockedId}. */
    public boolean blocks(long userId, long blockedId) {
        return blocks.blocks(userId, blockedId);
    }

    public int conversationCount() {
        return conversations.size();
    }

    public int userCount() {
        return periods.size();
    }

    void add(Conversation conversation) {
        conversations.put(conversation.id(), conversation);
    }

    void setPeriods(long userId, Periods userPeriods) {
        periods.put(userId, userPeriods);
    }

    /**
     * Writer thread: the user becomes a member from the conversation's next seq on. Returns that
     * first seq.
     */
    long openPeriod(Conversation conv, long userId) {
        return openPeriod(conv, userId, conv.decidedSeq() + 1);
    }

    /** Writer thread: the user becomes a member from seq {@code from} on. Returns it. */
    long openPeriod(Conversation conv, long userId, long from) {
        periods.compute(userId, (id, p) -> (p == null ? Periods.NONE : p).opened(conv.id(), from));
        conv.addMember(userId);
        return from;
    }

    /** Writer thread: the user stops being a member after the conversation's last seq. Returns it. */
    long closePeriod(Conversation conv, long userId) {
        return closePeriod(conv, userId, conv.decidedSeq());
    }

    /** Writer thread: the user stops being a member after seq {@code until}. Returns it. */
    long closePeriod(Conversation conv, long userId, long until) {
        periods.computeIfPresent(userId, (id, p) -> p.closed(conv.id(), until));
        conv.removeMember(userId);
        return until;
    }

    void block(long userId, long blockedId) {
        blocks.add(userId, blockedId);
    }

    void unblock(long userId, long blockedId) {
        blocks.remove(userId, blockedId);
    }

    /** Loading: members follow from open periods (every user is in the system conversation). */
    void rebuildMembers() {
        periods.forEach((userId, p) -> {
            for (var period : p.all()) {
                if (period.isOpen()) {
                    Conversation conv = conversations.get(period.convId());
                    if (conv != null && conv.kind() != ConversationKind.SYSTEM) {
                        conv.addMember(userId);
                    }
                }
            }
        });
    }
}
