package org.qchat.server.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.db.Database;
import org.qchat.server.store.BlockStore;
import org.qchat.server.store.ConversationRecord;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of messages. It takes appends from a queue, writes as many as are waiting in
 * one transaction (group commit), and completes each append only after that transaction has
 * committed — so an acknowledged message is durable, and one commit pays for many messages.
 * Because one thread assigns seqs and completes appends in order, pushes of one conversation
 * leave the server in seq order.
 */
public final class MessageWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);

    /** A message to store. {@code announcement} allows the system conversation (admins only). */
    public record Append(long senderId, long convId, String clientMsgId, String text, boolean announcement) {
    }

    /**
     * A stored message, who should get it pushed ({@code recipients} null means every user), and
     * whether it had been stored before (a resend: no push).
     */
    public record Stored(MessageInfo message, List<Long> recipients, boolean duplicate) {
    }

    private record Pending(Append append, CompletableFuture<Stored> result) {
    }

    private final Database db;
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final BlockStore blocks;
    private final Clock clock;
    private final int batchSize;
    private final IntConsumer onCommitted;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean accepting = true;
    private volatile boolean running = true;

    public MessageWriter(Database db, ConversationStore conversations, MessageStore messages, BlockStore blocks,
                         Clock clock, int batchSize, IntConsumer onCommitted) {
        this.db = db;
        this.conversations = conversations;
        this.messages = messages;
        this.blocks = blocks;
        this.clock = clock;
        this.batchSize = batchSize;
        this.onCommitted = onCommitted;
        this.thread = new Thread(this::run, "qchat-message-writer");
    }

    public void start() {
        thread.start();
    }

    /**
     * Queues an append. The future completes on the writer thread after commit, with the stored
     * message, or exceptionally with a {@link ChatException} (refused, nothing stored) or another
     * exception (database failure, nothing stored).
     */
    public CompletableFuture<Stored> submit(Append append) {
        CompletableFuture<Stored> result = new CompletableFuture<>();
        if (!accepting) {
            result.completeExceptionally(new ChatException(ErrorCode.UNAVAILABLE, "the server is shutting down"));
            return result;
        }
        queue.add(new Pending(append, result));
        return result;
    }

    public int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("message writer failed a batch", e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Object> outcomes;
        try {
            outcomes = db.tx(c -> appendAll(c, batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                log.error("storing a message failed", e);
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            // One bad append must not fail its neighbours: retry each alone.
            for (Pending p : batch) {
                write(List.of(p));
            }
            return;
        }
        onCommitted.accept((int) outcomes.stream().filter(o -> o instanceof Stored s && !s.duplicate()).count());
        for (int i = 0; i < batch.size(); i++) {
            Object outcome = outcomes.get(i);
            if (outcome instanceof ChatException refused) {
                batch.get(i).result().completeExceptionally(refused);
            } else {
                batch.get(i).result().complete((Stored) outcome);
            }
        }
    }

    private List<Object> appendAll(Connection c, List<Pending> batch) throws SQLException {
        long now = clock.millis();
        Map<Long, ConversationState> locked = new LinkedHashMap<>();
        Map<String, MessageInfo> storedNow = new HashMap<>();
        List<Object> outcomes = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Append a = p.append();
            try {
                String key = a.senderId() + "\u0000" + a.clientMsgId();
                MessageInfo earlier = storedNow.get(key);
                if (earlier == null) {
                    earlier = messages.findByClientId(c, a.senderId(), a.clientMsgId()).orElse(null);
                }
                if (earlier != null) {
                    if (earlier.convId() != a.convId()) {
                        throw ChatException.conflict("clientMsgId was already used for another conversation");
                    }
                    outcomes.add(new Stored(earlier, List.of(), true));
                    continue;
                }
                ConversationState conv = locked.get(a.convId());
                if (conv == null) {
                    ConversationRecord record = conversations.lock(c, a.convId())
                            .orElseThrow(() -> ChatException.notFound("no such conversation"));
                    conv = new ConversationState(record);
                    locked.put(a.convId(), conv);
                }
                authorize(c, conv, a);
                long seq = ++conv.lastSeq;
                long id = messages.insert(c, a.convId(), seq, a.senderId(), a.clientMsgId(), a.text(), now);
                MessageInfo message = new MessageInfo(id, a.convId(), seq, a.senderId(), a.clientMsgId(), a.text(), now);
                storedNow.put(key, message);
                outcomes.add(new Stored(message, recipients(c, conv), false));
            } catch (ChatException e) {
                outcomes.add(e);
            }
        }
        for (ConversationState conv : locked.values()) {
            if (conv.lastSeq != conv.record.lastSeq()) {
                conversations.setLastSeq(c, conv.record.id(), conv.lastSeq);
            }
        }
        return outcomes;
    }

    private void authorize(Connection c, ConversationState conv, Append a) throws SQLException, ChatException {
        ConversationRecord record = conv.record;
        if (record.kind() == ConversationKind.SYSTEM) {
            if (!a.announcement()) {
                throw ChatException.forbidden("announcements are sent with broadcast");
            }
            return;
        }
        if (a.announcement()) {
            throw ChatException.badRequest("broadcast goes to the system conversation only");
        }
        Boolean allowed = conv.allowedSenders.get(a.senderId());
        if (allowed == null) {
            allowed = conversations.isActiveMember(c, record.id(), a.senderId());
            conv.allowedSenders.put(a.senderId(), allowed);
        }
        if (!allowed) {
            throw ChatException.forbidden(record.kind() == ConversationKind.PRIVATE
                    ? "you can only message your friends" : "you are not a member of this group");
        }
        if (record.kind() == ConversationKind.PRIVATE && blocks.isBlocked(c, record.peerOf(a.senderId()), a.senderId())) {
            throw ChatException.forbidden("this user does not accept your messages");
        }
    }

    private List<Long> recipients(Connection c, ConversationState conv) throws SQLException {
        if (conv.record.kind() == ConversationKind.SYSTEM) {
            return null;
        }
        if (conv.members == null) {
            conv.members = conversations.activeMemberIds(c, conv.record.id());
        }
        return conv.members;
    }

    /**
     * Stops taking appends, writes everything already queued (completing each), and stops the
     * writer thread.
     */
    @Override
    public void close() {
        accepting = false;
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            p.result().completeExceptionally(new ChatException(ErrorCode.UNAVAILABLE, "the server is shutting down"));
        }
    }

    /** What the current batch knows of one locked conversation. */
    private static final class ConversationState {
        final ConversationRecord record;
        final Map<Long, Boolean> allowedSenders = new HashMap<>();
        long lastSeq;
        List<Long> members;

        ConversationState(ConversationRecord record) {
            this.record = record;
            this.lastSeq = record.lastSeq();
        }
    }
}
