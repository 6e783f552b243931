package org.qchat.client.core;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.ConversationList;
import org.qchat.client.core.model.FriendRequests;
import org.qchat.client.core.model.Session;
import org.qchat.client.core.model.UserDirectory;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.AckCursor;
import org.qchat.protocol.packet.MarkRead;
import org.qchat.protocol.packet.MessageHistory;
import org.qchat.protocol.packet.MessagePage;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.PullMessages;
import org.qchat.protocol.packet.Sync;
import org.qchat.protocol.packet.SyncState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets every message exactly once (docs/protocol.md 11.5): after each login or resume,
 * {@code sync} and {@code msg.pull} every conversation whose {@code lastSeq} is past what we hold;
 * on a push that skips seqs, pull the gap. Duplicates from push and pull meet in
 * {@link Conversation#accept}, keyed by seq.
 *
 * <p>Two cursors go to the server: {@code sync.ack} says what this device received (the sender
 * sees it as delivered), sent at most every {@link #DELIVERY_ACK_DELAY} per conversation;
 * {@code msg.read} says what the user has seen (shared by their devices, shown to the sender as
 * read), sent {@link #ACK_DELAY} after the reading. Pulls start after what was received
 * ({@link Conversation#pullFrom()}): this run, or before it if the local history kept it
 * ({@link HistoryKeeper#restore()}), so nothing is fetched twice. Everything received goes to the
 * local history as it arrives.
 */
final class SyncEngine {

    /** Catching up on more than this many messages fetches only the latest page. */
    static final int MAX_CATCH_UP = 500;
    static final int PULL_LIMIT = 200;
    static final int HISTORY_LIMIT = 30;
    /** Reads wait this long so a burst of reading costs one {@code msg.read}. */
    static final Duration ACK_DELAY = Duration.ofMillis(800);
    /** Received messages are acknowledged this long after the first of a burst (delivered receipts wait on it). */
    static final Duration DELIVERY_ACK_DELAY = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    private final Requester requester;
    private final Scheduler scheduler;
    private final Session session;
    private final ConversationList conversations;
    private final FriendRequests requests;
    private final UserDirectory users;
    private final HistoryKeeper history;
    private final Set<Long> pulling = new HashSet<>();
    private final Set<Long> pullAgain = new HashSet<>();
    private final Set<Long> viewing = new HashSet<>();
    private final Map<Long, Scheduler.Cancellable> ackTimers = new HashMap<>();
    private final Map<Long, Scheduler.Cancellable> deliveryTimers = new HashMap<>();
    private final Set<Long> loadingHistory = new HashSet<>();
    private boolean syncing;
    private boolean syncAgain;

    SyncEngine(Requester requester, Scheduler scheduler, Session session, ConversationList conversations,
               FriendRequests requests, UserDirectory users, HistoryKeeper history) {
        this.requester = requester;
        this.scheduler = scheduler;
        this.session = session;
        this.conversations = conversations;
        this.requests = requests;
        this.users = users;
        this.history = history;
    }

    /** Forgets per-session progress (a new login, or a dropped link whose requests all failed). */
    void reset() {
        pulling.clear();
        pullAgain.clear();
        loadingHistory.clear();
        ackTimers.values().forEach(Scheduler.Cancellable::cancel);
        ackTimers.clear();
        deliveryTimers.values().forEach(Scheduler.Cancellable::cancel);
        deliveryTimers.clear();
        syncing = false;
        syncAgain = false;
    }

    /** Runs {@code sync} now, or once more after the one in flight. */
    void sync() {
        if (syncing) {
            syncAgain = true;
            return;
        }
        syncing = true;
        requester.call(Sync::new, SyncState.class).whenComplete((state, failure) -> {
            syncing = false;
            if (failure != null) {
                log.info("sync failed: {}", failure.getMessage());
                return;
            }
            apply(state);
            if (syncAgain) {
                syncAgain = false;
                sync();
            }
        });
    }

    private void apply(SyncState state) {
        requests.replaceIncoming(state.friendRequests());
        for (FriendRequestInfo r : state.friendRequests()) {
            users.put(r.from());
        }
        history.checkAgainst(state.conversations());
        history.keepConversations(state.conversations());
        for (ConversationInfo info : state.conversations()) {
            Conversation conv = conversations.ensure(info.convId(), info.kind());
            conv.applySync(info);
            acknowledgeReceived(conv);
            if (info.lastSeq() > conv.pullFrom()) {
                catchUp(conv, info.lastSeq());
            } else {
                if (info.lastSeq() > 0 && conv.storedCount() == 0) {
                    fetchLatest(conv);
                }
                if (viewing.contains(conv.convId())) {
                    markRead(conv.convId());
                }
            }
        }
    }

    private void catchUp(Conversation conv, long lastSeq) {
        long backlog = lastSeq - conv.pullFrom();
        if (backlog > MAX_CATCH_UP && conv.storedCount() == 0) {
            // A new device or a long absence: show the latest page and a count, not thousands of rows.
            requester.call(id -> new MessageHistory(id, conv.convId(), null, HISTORY_LIMIT), MessagePage.class)
                    .whenComplete((page, failure) -> {
                        if (failure == null) {
                            history.keep(page.messages());
                            conv.acceptHistory(page.messages(), page.more());
                            conv.skipTo(lastSeq, (int) Math.min(Integer.MAX_VALUE, backlog - page.messages().size()));
                            caughtUp(conv);
                        }
                    });
        } else {
            pull(conv);
        }
    }

    /**
     * Fetches just the newest message of a conversation with nothing unread, so that the list of
     * recent conversations has its preview and time after a restart (when the local history kept none).
     */
    private void fetchLatest(Conversation conv) {
        requester.call(id -> new MessageHistory(id, conv.convId(), null, 1), MessagePage.class)
                .whenComplete((page, failure) -> {
                    if (failure == null) {
                        history.keep(page.messages());
                        conv.acceptHistory(page.messages(), page.more());
                    }
                });
    }

    /** Pulls everything after what we hold, page by page, until {@code more:false}. */
    void pull(Conversation conv) {
        long convId = conv.convId();
        if (!pulling.add(convId)) {
            pullAgain.add(convId);
            return;
        }
        pullPage(conv, conv.pullFrom());
    }

    private void pullPage(Conversation conv, long afterSeq) {
        long convId = conv.convId();
        requester.call(id -> new PullMessages(id, convId, afterSeq, PULL_LIMIT), MessagePage.class)
                .whenComplete((page, failure) -> {
                    if (failure != null) {
                        // The link dropped or the server refused; the next sync starts over.
                        pulling.remove(convId);
                        pullAgain.remove(convId);
                        log.info("pull of conversation {} failed: {}", convId, failure.getMessage());
                        return;
                    }
                    history.keep(page.messages());
                    for (MessageInfo m : page.messages()) {
                        conv.accept(m);
                    }
                    if (!page.messages().isEmpty()) {
                        conv.syncedThrough(page.messages().get(page.messages().size() - 1).seq());
                    }
                    if (page.more() && !page.messages().isEmpty()) {
                        pullPage(conv, conv.pullFrom());
                        return;
                    }
                    pulling.remove(convId);
                    if (pullAgain.remove(convId) && conv.lastSeq() > conv.pullFrom()) {
                        pull(conv);
                        return;
                    }
                    caughtUp(conv);
                });
    }

    private void caughtUp(Conversation conv) {
        acknowledgeReceived(conv);
        if (viewing.contains(conv.convId())) {
            markRead(conv.convId());
        }
    }

    /**
     * A message arrived by push. A gap before it is pulled; a conversation we had no cursors for
     * yet (just befriended, just added to a group) is learned through a fresh {@code sync}.
     *
     * @return true if the message was new
     */
    boolean onPushedMessage(MessageInfo m) {
        Conversation conv = conversations.ensure(m.convId(), null);
        history.keep(m);
        Conversation.Accepted accepted = conv.accept(m);
        if (accepted == Conversation.Accepted.DUPLICATE) {
            return false;
        }
        if (!conv.hasServerCursors()) {
            sync();
        } else if (accepted == Conversation.Accepted.ADDED_AFTER_GAP) {
            pull(conv);
        } else {
            acknowledgeReceived(conv);
        }
        if (viewing.contains(conv.convId())) {
            markRead(conv.convId());
        }
        return true;
    }

    /** My message was stored ({@code msg.sent}); a gap before its seq is pulled like a push's. */
    void onSentMessage(MessageInfo m) {
        Conversation conv = conversations.ensure(m.convId(), null);
        history.keep(m);
        if (conv.accept(m) == Conversation.Accepted.ADDED_AFTER_GAP && conv.hasServerCursors()) {
            pull(conv);
        }
        if (viewing.contains(conv.convId())) {
            markRead(conv.convId());
        }
    }

    /** The user is (or stops) looking at a conversation: while looking, everything arriving is read. */
    void setViewing(long convId, boolean looking) {
        if (looking) {
            viewing.add(convId);
            markRead(convId);
        } else {
            viewing.remove(convId);
        }
    }

    boolean isViewing(long convId) {
        return viewing.contains(convId);
    }

    /** Marks what is held as read and stores the read cursor on the server shortly after. */
    void markRead(long convId) {
        conversations.get(convId).ifPresent(conv -> {
            conv.markRead();
            if (conv.readSeq() > conv.readReported() && !ackTimers.containsKey(convId)) {
                ackTimers.put(convId, scheduler.schedule(ACK_DELAY, () -> {
                    ackTimers.remove(convId);
                    reportRead(conv);
                }));
            }
        });
    }

    private void reportRead(Conversation conv) {
        // Only what the server can know of: a read past its last seq would be refused.
        long seq = Math.min(conv.readSeq(), conv.lastSeq());
        if (seq <= conv.readReported() || session.state() != ConnectionState.ONLINE) {
            return;
        }
        requester.call(id -> new MarkRead(id, conv.convId(), seq), Ok.class).whenComplete((ok, failure) -> {
            if (failure == null) {
                conv.setReadReported(seq);
            } else {
                log.info("msg.read of conversation {} failed: {}", conv.convId(), failure.getMessage());
            }
        });
    }

    /** Stores shortly what this device received, so that senders see it delivered. */
    private void acknowledgeReceived(Conversation conv) {
        long convId = conv.convId();
        if (conv.syncedSeq() > conv.ackedSeq() && conv.hasServerCursors() && !deliveryTimers.containsKey(convId)) {
            deliveryTimers.put(convId, scheduler.schedule(DELIVERY_ACK_DELAY, () -> {
                deliveryTimers.remove(convId);
                ack(conv);
            }));
        }
    }

    private void ack(Conversation conv) {
        long seq = conv.syncedSeq();
        if (seq <= conv.ackedSeq() || session.state() != ConnectionState.ONLINE) {
            return;
        }
        requester.call(id -> new AckCursor(id, conv.convId(), seq), Ok.class).whenComplete((ok, failure) -> {
            if (failure == null) {
                conv.setAckedSeq(seq);
                acknowledgeReceived(conv);
            } else {
                log.info("sync.ack of conversation {} failed: {}", conv.convId(), failure.getMessage());
            }
        });
    }

    /**
     * Loads the page of messages before the oldest held (or the newest page if none is held), for
     * scrolling back: from the local history as far as it goes without gaps, then from the server.
     * Completes with false when there is nothing older.
     */
    java.util.concurrent.CompletableFuture<Boolean> loadOlder(long convId) {
        Conversation conv = conversations.get(convId).orElse(null);
        if (conv == null || Boolean.FALSE.equals(conv.moreHistory())) {
            return java.util.concurrent.CompletableFuture.completedFuture(false);
        }
        if (!loadingHistory.add(convId)) {
            return java.util.concurrent.CompletableFuture.completedFuture(true);
        }
        return history.loadOlder(conv).whenComplete((more, failure) -> loadingHistory.remove(convId));
    }
}
