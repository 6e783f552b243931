package org.qchat.server.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.db.Database;
import org.qchat.server.store.BlockStore;
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
    private final BatchAppender appender;
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
        this.appender = new BatchAppender(conversations, messages, blocks);
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
        return submit(append, new CompletableFuture<>());
    }

    /**
     * Queues an append that completes {@code result}. Callers attach what must run on the writer
     * thread, in commit order (the pushes), to {@code result} before submitting: a callback attached
     * after the writer completed the future would run on the caller's thread, after pushes of later
     * messages.
     */
    public CompletableFuture<Stored> submit(Append append, CompletableFuture<Stored> result) {
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
            List<Append> appends = new ArrayList<>(batch.size());
            for (Pending p : batch) {
                appends.add(p.append());
            }
            long now = clock.millis();
            outcomes = db.tx(c -> appender.append(c, appends, now));
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
}
