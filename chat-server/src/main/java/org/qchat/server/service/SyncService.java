package org.qchat.server.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.server.db.Database;
import org.qchat.server.store.ConversationRecord;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.CursorStore;
import org.qchat.server.store.MembershipPeriod;

/**
 * What a device lacks: per conversation, the highest seq the user may read against the cursor
 * the device last stored. Nothing is ever deleted by syncing or acknowledging.
 */
public final class SyncService {

    /** The sync answer. */
    public record State(List<ConversationInfo> conversations, List<FriendRequestInfo> friendRequests) {
    }

    private final Database db;
    private final ConversationStore conversations;
    private final CursorStore cursors;
    private final FriendService friends;
    private final CursorWriter cursorWriter;

    public SyncService(Database db, ConversationStore conversations, CursorStore cursors, FriendService friends,
                       CursorWriter cursorWriter) {
        this.db = db;
        this.conversations = conversations;
        this.cursors = cursors;
        this.friends = friends;
        this.cursorWriter = cursorWriter;
    }

    public State sync(long userId, String device) throws ChatException {
        return db.tx(c -> {
            Map<Long, List<ConversationStore.PeriodView>> byConv = new LinkedHashMap<>();
            for (ConversationStore.PeriodView v : conversations.periodsOfUser(c, userId)) {
                byConv.computeIfAbsent(v.period().convId(), k -> new ArrayList<>()).add(v);
            }
            Map<Long, Long> acked = cursors.cursorsOf(c, userId, device);
            List<ConversationInfo> out = new ArrayList<>();
            for (List<ConversationStore.PeriodView> views : byConv.values()) {
                ConversationRecord conv = views.get(0).conversation();
                List<MembershipPeriod> periods = views.stream().map(ConversationStore.PeriodView::period).toList();
                boolean active = periods.stream().anyMatch(MembershipPeriod::isOpen);
                long lastSeq = lastVisible(periods, conv.lastSeq());
                long ackSeq = acked.getOrDefault(conv.id(), 0L);
                if (active || lastSeq > ackSeq) {
                    Long peerId = conv.kind() == ConversationKind.PRIVATE ? conv.peerOf(userId) : null;
                    Long groupId = conv.kind() == ConversationKind.GROUP ? conv.id() : null;
                    out.add(new ConversationInfo(conv.id(), conv.kind(), peerId, groupId, lastSeq, ackSeq, active));
                }
            }
            return new State(out, friends.incoming(c, userId));
        });
    }

    /**
     * Moves this device's cursor forward; returns once it is committed. Acks that arrive together
     * share a commit ({@link CursorWriter}).
     */
    public void ack(long userId, String device, long convId, long seq) throws ChatException {
        cursorWriter.advance(new CursorWriter.Advance(userId, device, convId, seq));
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
