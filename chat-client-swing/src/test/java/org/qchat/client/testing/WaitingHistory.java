package org.qchat.client.testing;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.qchat.client.core.history.LocalHistory;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.MessageInfo;

/**
 * A real local history whose every call waits for the disk, so that with {@link ClientHarness}'s
 * direct dispatcher everything still happens on the test's thread, in order.
 */
public final class WaitingHistory implements LocalHistory {

    private final LocalHistory disk;

    public WaitingHistory(LocalHistory disk) {
        this.disk = disk;
    }

    private static <T> CompletableFuture<T> waitFor(CompletableFuture<T> future) {
        try {
            return CompletableFuture.completedFuture(future.get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> store(Collection<MessageInfo> messages) {
        return waitFor(disk.store(messages));
    }

    @Override
    public CompletableFuture<Void> replace(MessageInfo message) {
        return waitFor(disk.replace(message));
    }

    @Override
    public CompletableFuture<Void> erase(long convId, long seq, long recalledBy) {
        return waitFor(disk.erase(convId, seq, recalledBy));
    }

    @Override
    public CompletableFuture<Void> clear() {
        return waitFor(disk.clear());
    }

    @Override
    public CompletableFuture<Void> storeConversations(Collection<ConversationInfo> conversations) {
        return waitFor(disk.storeConversations(conversations));
    }

    @Override
    public CompletableFuture<List<HeldConversation>> conversations(int messagesEach) {
        return waitFor(disk.conversations(messagesEach));
    }

    @Override
    public CompletableFuture<List<MessageInfo>> before(long convId, Long beforeSeq, int limit) {
        return waitFor(disk.before(convId, beforeSeq, limit));
    }

    @Override
    public CompletableFuture<List<MessageInfo>> range(long convId, long fromSeq, long toSeq, int limit) {
        return waitFor(disk.range(convId, fromSeq, toSeq, limit));
    }

    @Override
    public CompletableFuture<List<MessageInfo>> search(String query, int limit) {
        return waitFor(disk.search(query, limit));
    }

    @Override
    public void close() {
        disk.close();
    }
}
