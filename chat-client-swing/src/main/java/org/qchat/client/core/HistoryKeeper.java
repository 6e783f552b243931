package org.qchat.client.core;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.qchat.client.core.history.LocalHistory;
import org.qchat.client.core.history.SeqRuns;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.ConversationList;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.MessageHistory;
import org.qchat.protocol.packet.MessagePage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between the conversations in memory and the {@link LocalHistory} on disk: everything received
 * is kept; a new session shows what was kept before the server is asked; scrolling back reads
 * the disk first and asks the server only for what the disk lacks, so a gap in what was kept
 * (seqs 1..50 and 80..90) is fetched, never skipped.
 *
 * <p>Runs on the dispatcher thread; the store's answers are brought back to it before they touch
 * a model, and every returned future completes on it.
 */
final class HistoryKeeper {

    /** Messages per page, read from disk or asked of the server. */
    static final int PAGE = 30;
    /** Messages shown on each side of a message opened from a search. */
    static final int CONTEXT = 15;
    /** The most messages read from disk to join a searched message to those already shown. */
    static final int MAX_JOIN = 2000;
    static final int SEARCH_LIMIT = 200;

    private static final Logger log = LoggerFactory.getLogger(HistoryKeeper.class);

    private final LocalHistory.Opener opener;
    private final Executor dispatcher;
    private final Requester requester;
    private final ConversationList conversations;
    private LocalHistory history = LocalHistory.NONE;
    private String openFor;
    /** The newest seq restored per conversation, until the first {@code sync.state} vouched for it. */
    private final java.util.Map<Long, Long> restoredNewest = new java.util.HashMap<>();

    HistoryKeeper(LocalHistory.Opener opener, Executor dispatcher, Requester requester,
                  ConversationList conversations) {
        this.opener = opener;
        this.dispatcher = dispatcher;
        this.requester = requester;
        this.conversations = conversations;
    }

    /** A session of {@code userId} of the account {@code accountKey} started: use that account's history. */
    void open(String accountKey, long userId) {
        String account = userId + "@" + accountKey;
        if (account.equals(openFor)) {
            return;
        }
        history.close();
        history = opener.open(accountKey, userId);
        openFor = account;
        restoredNewest.clear();
    }

    void close() {
        history.close();
        history = LocalHistory.NONE;
        openFor = null;
        restoredNewest.clear();
    }

    /**
     * Shows what was kept: every conversation held, with its cursors of the last run and its
     * newest messages, so the recent list and the chats are there before the server answers. The
     * newest kept message becomes where catching up starts; gaps below it are filled on scrolling.
     * Completes (on the dispatcher) also when the disk failed.
     */
    CompletableFuture<Void> restore() {
        return history.conversations(PAGE).handleAsync((held, failure) -> {
            if (failure != null) {
                return null;
            }
            for (LocalHistory.HeldConversation h : held) {
                ConversationInfo info = h.info();
                Conversation conv = conversations.ensure(h.convId(), info == null ? null : info.kind());
                if (info != null) {
                    conv.restore(info);
                }
                List<MessageInfo> tail = SeqRuns.gaplessTail(h.latest(), MessageInfo::seq, 0);
                if (!tail.isEmpty()) {
                    long newest = tail.get(tail.size() - 1).seq();
                    restoredNewest.put(h.convId(), newest);
                    conv.acceptHistory(tail, true);
                    conv.syncedThrough(newest);
                }
            }
            return null;
        }, dispatcher);
    }

    /**
     * Checks what was restored against the server's first {@code sync.state}: a kept message past
     * a conversation's last seq means the disk holds another server's history (a server started
     * afresh at the same address hands out the same ids and seqs again). Then everything kept is
     * forgotten, on disk and on screen, and the server's messages are fetched as on a new device.
     * Call before the state is applied.
     */
    void checkAgainst(Collection<ConversationInfo> infos) {
        if (restoredNewest.isEmpty()) {
            return;
        }
        boolean foreign = infos.stream().anyMatch(info -> restoredNewest.getOrDefault(info.convId(), 0L) > info.lastSeq());
        if (foreign) {
            log.warn("the local history is not this server's: forgetting it");
            history.clear();
            restoredNewest.keySet().forEach(convId -> conversations.get(convId).ifPresent(Conversation::forgetStored));
        }
        restoredNewest.clear();
    }

    void keep(MessageInfo message) {
        keep(List.of(message));
    }

    void keep(Collection<MessageInfo> messages) {
        if (!messages.isEmpty()) {
            history.store(messages);
        }
    }

    void keepConversations(Collection<ConversationInfo> infos) {
        if (!infos.isEmpty()) {
            history.storeConversations(infos);
        }
    }

    /** A message was recalled: its words leave the disk and the conversation shown. */
    void erase(long convId, long seq, long recalledBy) {
        history.erase(convId, seq, recalledBy);
        conversations.get(convId).flatMap(c -> c.stored(seq).map(m -> c)).ifPresent(conv ->
                history.range(convId, seq, seq, 1).thenAcceptAsync(found -> found.forEach(m -> conv.replaceStored(m)),
                        dispatcher));
    }

    /** A held message changed on the server: the new version replaces it on disk and on screen. */
    void replace(MessageInfo message) {
        history.replace(message);
        conversations.get(message.convId()).ifPresent(conv -> conv.replaceStored(message));
    }

    /**
     * The page before the oldest message held (the newest page if none): from disk as far as it
     * is gapless there, from the server for the rest. Completes with whether older ones may exist.
     */
    CompletableFuture<Boolean> loadOlder(Conversation conv) {
        long oldest = conv.oldestSeq();
        return history.before(conv.convId(), oldest > 0 ? oldest : null, PAGE)
                .exceptionally(failure -> List.of())
                .thenComposeAsync(local -> {
                    List<MessageInfo> tail = SeqRuns.gaplessTail(local, MessageInfo::seq, oldest);
                    if (!tail.isEmpty()) {
                        conv.acceptHistory(tail, true);
                    }
                    if (tail.size() == PAGE || Boolean.FALSE.equals(conv.moreHistory())) {
                        return CompletableFuture.completedFuture(!Boolean.FALSE.equals(conv.moreHistory()));
                    }
                    // The disk ends or has a gap here: the server has the rest.
                    long below = tail.isEmpty() ? oldest : tail.get(0).seq();
                    return fromServer(conv, below > 0 ? below : null, PAGE).thenApply(MessagePage::more);
                }, dispatcher);
    }

    /**
     * Makes {@code seq} and the messages around it shown, joined to those already shown: from
     * disk, then the server for what the disk lacks (best effort: offline, the disk's part shows).
     */
    CompletableFuture<Void> loadAround(Conversation conv, long seq) {
        long oldest = conv.oldestSeq();
        long from = Math.max(1, seq - CONTEXT);
        long to = oldest > seq ? oldest - 1 : seq + CONTEXT;
        return history.range(conv.convId(), from, to, MAX_JOIN)
                .exceptionally(failure -> List.of())
                .thenComposeAsync(local -> {
                    if (!local.isEmpty()) {
                        conv.acceptHistory(local, true);
                    }
                    return fillHoles(conv, from, Math.min(to, from + MAX_JOIN - 1), 20);
                }, dispatcher)
                .exceptionally(failure -> {
                    log.info("messages around {} of conversation {} not fetched: {}", seq, conv.convId(),
                            failure.getMessage());
                    return null;
                });
    }

    /** Asks the server for the highest seq in {@code from..to} not held, then the next, a few times at most. */
    private CompletableFuture<Void> fillHoles(Conversation conv, long from, long to, int requestsLeft) {
        long missing = to;
        while (missing >= from && conv.stored(missing).isPresent()) {
            missing--;
        }
        if (missing < from || missing > conv.lastSeq() || requestsLeft == 0) {
            return CompletableFuture.completedFuture(null);
        }
        long hole = missing;
        int limit = (int) Math.min(200, hole - from + 1);
        return fromServer(conv, hole + 1, limit).thenCompose(page -> {
            boolean filled = page.messages().stream().anyMatch(m -> m.seq() == hole);
            // A seq the server does not show me (before I joined a group) stays a hole: look below it.
            return fillHoles(conv, from, filled ? hole : hole - 1, requestsLeft - 1);
        });
    }

    private CompletableFuture<MessagePage> fromServer(Conversation conv, Long beforeSeq, int limit) {
        return requester.call(id -> new MessageHistory(id, conv.convId(), beforeSeq, limit), MessagePage.class)
                .handle((page, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(ChatException.unwrap(failure));
                    }
                    keep(page.messages());
                    conv.acceptHistory(page.messages(), page.more());
                    return page;
                });
    }

    /** Messages of every conversation containing {@code query}, newest first; completes on the dispatcher. */
    CompletableFuture<List<MessageInfo>> search(String query) {
        return history.search(query, SEARCH_LIMIT).thenApplyAsync(found -> found, dispatcher);
    }
}
