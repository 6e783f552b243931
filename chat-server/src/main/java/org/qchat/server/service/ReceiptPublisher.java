package org.qchat.server.service;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.Receipt;
import org.qchat.protocol.packet.ReceiptPush;
import org.qchat.server.route.Router;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes {@code receipt} when a user's delivered or read cursor in a conversation moved: to the
 * user's own devices, the peer of a private conversation, and every member of a group no larger
 * than the receipt group size (docs/protocol.md 8.11).
 *
 * <p>{@link #moved} never blocks, so {@code sync.ack} may call it on an I/O thread. The cursors are
 * read on one thread of this publisher's own, which ends when idle. A (user, conversation) already
 * waiting is not queued again: a burst of moves becomes one push with the final values.
 */
public final class ReceiptPublisher {

    private static final Logger log = LoggerFactory.getLogger(ReceiptPublisher.class);

    private record Key(long userId, long convId) {
    }

    private final ReadCursors cursors;
    private final ChatState state;
    private final Router router;
    private final int groupSize;
    private final Set<Key> waiting = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor executor;

    /** @param groupSize the largest group whose members get each other's receipts */
    public ReceiptPublisher(ReadCursors cursors, ChatState state, Router router, int groupSize) {
        this.cursors = cursors;
        this.state = state;
        this.router = router;
        this.groupSize = groupSize;
        this.executor = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, "qchat-receipts");
            t.setDaemon(true);
            return t;
        });
    }

    /** A cursor of the user in the conversation moved; a receipt follows shortly. Never blocks. */
    public void moved(long userId, long convId) {
        Key key = new Key(userId, convId);
        if (!waiting.add(key)) {
            return;
        }
        try {
            executor.execute(() -> publish(key));
        } catch (RejectedExecutionException e) {
            waiting.remove(key);
        }
    }

    /** Whether the members of {@code conv} see each other's receipts. */
    public boolean sharesReceipts(Conversation conv) {
        return conv.kind() == ConversationKind.PRIVATE
                || conv.kind() == ConversationKind.GROUP && conv.members().length <= groupSize;
    }

    private void publish(Key key) {
        // Taken off before reading: a move from now on queues another push, so the last one is never missed.
        waiting.remove(key);
        Conversation conv = state.conversation(key.convId());
        if (conv == null) {
            return;
        }
        try {
            Receipt r = cursors.of(key.userId(), key.convId());
            router.sendToUsers(audience(conv, key.userId()),
                    new ReceiptPush(key.convId(), key.userId(), r.delivered(), r.read()), null);
        } catch (RuntimeException e) {
            log.warn("receipt of user {} in conversation {} not pushed: {}", key.userId(), key.convId(), e.toString());
        }
    }

    private Set<Long> audience(Conversation conv, long userId) {
        Set<Long> to = new LinkedHashSet<>();
        to.add(userId);
        if (conv.kind() == ConversationKind.PRIVATE) {
            to.add(conv.peerOf(userId));
        } else if (sharesReceipts(conv)) {
            for (long member : conv.members()) {
                to.add(member);
            }
        }
        return to;
    }
}
