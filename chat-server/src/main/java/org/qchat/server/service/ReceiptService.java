package org.qchat.server.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.Receipt;
import org.qchat.server.db.Database;
import org.qchat.server.db.Jdbc;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.qchat.server.store.MembershipPeriod;
import org.qchat.server.store.ReadStateStore;

/**
 * Read cursors ({@code msg.read}) and the receipts of a conversation's members ({@code receipts}).
 * Checked against the state in memory like {@code sync.ack}; reads and writes the database, so
 * call it on a worker thread.
 */
public final class ReceiptService {

    private final Database db;
    private final ChatState state;
    private final ReadStateStore store;
    private final ReadCursors cursors;
    private final ReceiptPublisher publisher;
    private final Clock clock;

    public ReceiptService(Database db, ChatState state, ReadStateStore store, ReadCursors cursors,
                          ReceiptPublisher publisher, Clock clock) {
        this.db = db;
        this.state = state;
        this.store = store;
        this.cursors = cursors;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Moves the user's read cursor forward to {@code seq}; a receipt is pushed if it moved. */
    public void markRead(long userId, long convId, long seq) throws ChatException {
        Conversation conv = conversationOf(userId, convId);
        long last = SyncService.lastVisible(state.periodsOf(userId).in(convId), conv.lastSeq());
        if (seq > last) {
            throw ChatException.badRequest("seq " + seq + " is beyond the last message you can read (" + last + ")");
        }
        long now = clock.millis();
        boolean moved;
        try {
            moved = db.tx(c -> store.advanceRead(c, userId, convId, seq, now));
        } catch (RuntimeException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
            // Another device of the user inserted the cursor at the same moment: now it exists.
            moved = db.tx(c -> store.advanceRead(c, userId, convId, seq, now));
        }
        if (moved) {
            publisher.moved(userId, convId);
        }
    }

    /** Both users of a private conversation, or every current member of a group not above the receipt group size. */
    public List<Receipt> receipts(long userId, long convId) throws ChatException {
        Conversation conv = conversationOf(userId, convId);
        List<Long> users = new ArrayList<>();
        if (conv.kind() == ConversationKind.PRIVATE) {
            users.add(Math.min(userId, conv.peerOf(userId)));
            users.add(Math.max(userId, conv.peerOf(userId)));
        } else if (conv.kind() == ConversationKind.GROUP) {
            if (!publisher.sharesReceipts(conv)) {
                throw new ChatException(ErrorCode.TOO_LARGE, "the group is too large for receipts");
            }
            for (long member : conv.members()) {
                users.add(member);
            }
        } else {
            throw ChatException.forbidden("the system conversation has no receipts");
        }
        return cursors.of(convId, users);
    }

    private Conversation conversationOf(long userId, long convId) throws ChatException {
        Conversation conv = state.conversation(convId);
        if (conv == null) {
            throw ChatException.notFound("no such conversation");
        }
        List<MembershipPeriod> periods = state.periodsOf(userId).in(convId);
        if (periods.isEmpty()) {
            throw ChatException.forbidden("you are not in this conversation");
        }
        return conv;
    }
}
