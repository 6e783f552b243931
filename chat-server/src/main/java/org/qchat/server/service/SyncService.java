package org.qchat.server.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.server.db.Database;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.qchat.server.store.CursorStore;
import org.qchat.server.store.MembershipPeriod;
import org.qchat.server.store.ReadStateStore;
import org.qchat.server.store.SettingsStore;

/**
 * What a device lacks: per conversation, the highest seq the user may read against the cursor
 * the device last stored, with the user's read cursor and settings. Nothing is ever deleted by
 * syncing or acknowledging. Conversations and periods come from memory; only the cursors, settings
 * and pending friend requests are read from the database.
 */
public final class SyncService {

    /** The sync answer. */
    public record State(List<ConversationInfo> conversations, List<FriendRequestInfo> friendRequests) {
    }

    private final Database db;
    private final ChatState state;
    private final CursorStore cursors;
    private final FriendService friends;
    private final CursorWriter cursorWriter;
    private final ReadStateStore reads;
    private final SettingsStore settings;
    private final DeliveredListener delivered;

    /** Told, without blocking, that a user's delivered cursor in a conversation may have moved. */
    @FunctionalInterface
    public interface DeliveredListener {
        void moved(long userId, long convId);
    }

    public SyncService(Database db, ChatState state, CursorStore cursors, FriendService friends, CursorWriter cursorWriter,
                       ReadStateStore reads, SettingsStore settings, DeliveredListener delivered) {
        this.db = db;
        this.state = state;
        this.cursors = cursors;
        this.friends = friends;
        this.cursorWriter = cursorWriter;
        this.reads = reads;
        this.settings = settings;
        this.delivered = delivered;
    }

    public State sync(long userId, String device) throws ChatException {
        // Moves not yet written first: one written between the two reads is then found in the database.
        Map<Long, Long> pending = cursorWriter.pendingOf(userId, device);
        return db.tx(c -> {
            Map<Long, Long> acked = cursors.cursorsOf(c, userId, device);
            pending.forEach((conv, seq) -> acked.merge(conv, seq, Math::max));
            Map<Long, Long> read = reads.readsOf(c, userId);
            Map<Long, SettingsStore.ConversationSettings> mine = settings.ofUser(c, userId);
            List<MembershipPeriod> all = state.periodsOf(userId).all();
            List<ConversationInfo> out = new ArrayList<>();
            for (int from = 0; from < all.size(); ) {
                long convId = all.get(from).convId();
                int to = from;
                while (to < all.size() && all.get(to).convId() == convId) {
                    to++;
                }
                List<MembershipPeriod> periods = all.subList(from, to);
                from = to;
                Conversation conv = state.conversation(convId);
                if (conv == null) {
                    continue;
                }
                boolean active = periods.get(periods.size() - 1).isOpen();
                long lastSeq = lastVisible(periods, conv.lastSeq());
                long ackSeq = acked.getOrDefault(convId, 0L);
                if (active || lastSeq > ackSeq) {
                    Long peerId = conv.kind() == ConversationKind.PRIVATE ? conv.peerOf(userId) : null;
                    Long groupId = conv.kind() == ConversationKind.GROUP ? convId : null;
                    SettingsStore.ConversationSettings set = mine.getOrDefault(convId, SettingsStore.ConversationSettings.NONE);
                    out.add(new ConversationInfo(convId, conv.kind(), peerId, groupId, lastSeq, ackSeq, active,
                            read.getOrDefault(convId, 0L), set.pinned(), set.dnd()));
                }
            }
            return new State(out, friends.incoming(c, userId));
        });
    }

    /**
     * Moves this device's cursor forward, checked against the state in memory: the conversation
     * exists, the user had a period in it, the seq is visible to them. The move is kept in memory
     * and written shortly ({@link CursorWriter}); never blocks.
     */
    public void ack(long userId, String device, long convId, long seq) throws ChatException {
        Conversation conv = state.conversation(convId);
        if (conv == null) {
            throw ChatException.notFound("no such conversation");
        }
        List<MembershipPeriod> periods = state.periodsOf(userId).in(convId);
        if (periods.isEmpty()) {
            throw ChatException.forbidden("you are not in this conversation");
        }
        long last = lastVisible(periods, conv.lastSeq());
        if (seq > last) {
            throw ChatException.badRequest("seq " + seq + " is beyond the last message you can read (" + last + ")");
        }
        cursorWriter.advance(userId, device, convId, seq);
        // The user's delivered cursor may have moved: the receipt is read and pushed off this thread.
        delivered.moved(userId, convId);
    }

    /** The highest seq the user may read across their periods, 0 if none holds a message. */
    static long lastVisible(List<MembershipPeriod> periods, long conversationLastSeq) {
        long last = 0;
        for (MembershipPeriod p : periods) {
            if (p.hasMessages(conversationLastSeq)) {
                last = Math.max(last, p.lastVisible(conversationLastSeq));
            }
        }
        return last;
    }
}
