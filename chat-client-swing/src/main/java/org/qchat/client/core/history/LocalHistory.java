package org.qchat.client.core.history;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.MessageInfo;

/**
 * The messages of one user on one server, kept on this computer so that a conversation opens at
 * once, offline too, and its history survives a restart. A copy of what the server holds, never
 * the authority: whatever it lacks is fetched again.
 *
 * <p>Threading: every method returns at once; the work runs in order on the store's own thread and
 * the futures complete there, so callers hop back to their own thread before touching models.
 * Writes are fire-and-forget for callers that do not care; a failed write is logged and leaves the
 * store as it was (the message is fetched from the server again when missing).
 */
public interface LocalHistory extends AutoCloseable {

    /** Keeps messages, replacing any held at the same (convId, seq). */
    CompletableFuture<Void> store(Collection<MessageInfo> messages);

    /** Replaces a held message with a newer version of it (edited on the server); nothing if not held. */
    CompletableFuture<Void> replace(MessageInfo message);

    /** A message was recalled by {@code recalledBy}: its content leaves this computer, its place stays. */
    CompletableFuture<Void> erase(long convId, long seq, long recalledBy);

    /** Forgets everything kept (it turned out not to be this server's). */
    CompletableFuture<Void> clear();

    /** Keeps what the server last said about conversations (kind, peer, cursors) for the next start. */
    CompletableFuture<Void> storeConversations(Collection<ConversationInfo> conversations);

    /** Every conversation held: what the server last said of it, and its newest messages. */
    CompletableFuture<List<HeldConversation>> conversations(int messagesEach);

    /** At most {@code limit} of the newest messages with seq below {@code beforeSeq} (all if null), ascending. */
    CompletableFuture<List<MessageInfo>> before(long convId, Long beforeSeq, int limit);

    /** The messages with seq from {@code fromSeq} to {@code toSeq} inclusive, ascending, at most {@code limit}. */
    CompletableFuture<List<MessageInfo>> range(long convId, long fromSeq, long toSeq, int limit);

    /**
     * Messages of every conversation whose text contains {@code query} (ignoring case for Latin
     * letters; any substring, so Chinese words are found inside sentences), newest first.
     */
    CompletableFuture<List<MessageInfo>> search(String query, int limit);

    /** Releases the file once the work already queued is done; returns at once. */
    @Override
    void close();

    /**
     * A conversation as the store last knew it.
     *
     * @param info   what the last {@code sync.state} said of it, null if only messages were kept
     * @param latest its newest messages, ascending
     */
    record HeldConversation(long convId, ConversationInfo info, List<MessageInfo> latest) {
    }

    /**
     * Opens the history of one account: a user on a server. {@code accountKey} names the server
     * and the user (the servers' key and the username), so different accounts never share a file.
     */
    @FunctionalInterface
    interface Opener {
        LocalHistory open(String accountKey, long userId);
    }

    /** Keeps nothing: for tools and tests that want every message from the server. */
    LocalHistory NONE = new LocalHistory() {
        private final CompletableFuture<Void> done = CompletableFuture.completedFuture(null);

        @Override
        public CompletableFuture<Void> store(Collection<MessageInfo> messages) {
            return done;
        }

        @Override
        public CompletableFuture<Void> replace(MessageInfo message) {
            return done;
        }

        @Override
        public CompletableFuture<Void> erase(long convId, long seq, long recalledBy) {
            return done;
        }

        @Override
        public CompletableFuture<Void> clear() {
            return done;
        }

        @Override
        public CompletableFuture<Void> storeConversations(Collection<ConversationInfo> conversations) {
            return done;
        }

        @Override
        public CompletableFuture<List<HeldConversation>> conversations(int messagesEach) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<MessageInfo>> before(long convId, Long beforeSeq, int limit) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<MessageInfo>> range(long convId, long fromSeq, long toSeq, int limit) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<MessageInfo>> search(String query, int limit) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public void close() {
        }
    };
}
