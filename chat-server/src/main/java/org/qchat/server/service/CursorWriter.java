package org.qchat.server.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.qchat.protocol.ErrorCode;
import org.qchat.server.db.Database;
import org.qchat.server.store.ConversationRecord;
import org.qchat.server.store.ConversationStore;
import org.qchat.server.store.CursorStore;
import org.qchat.server.store.MembershipPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores {@code sync.ack} cursors with group commit. Receivers acknowledge often, and a commit
 * costs a disk write (H2 with {@code WRITE_DELAY=0} rewrites its store, PostgreSQL flushes its WAL),
 * so acks that arrive together share one transaction on this one thread.
 *
 * <p>{@link #advance} blocks its caller until the transaction holding the advance has committed:
 * the connection's next request runs only after its cursor is stored, as when each ack committed
 * on its own, and {@code ok} still means stored. Each advance is checked inside the transaction
 * exactly as before; a refused one does not stop its neighbours, and if the transaction fails,
 * each advance is retried alone.
 */
public final class CursorWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CursorWriter.class);
    /** Callers block, so at most one advance per worker thread is ever waiting; this is only a bound. */
    private static final int MAX_BATCH = 256;

    /** Moves the cursor of (user, device, conversation) forward to {@code seq}. */
    public record Advance(long userId, String device, long convId, long seq) {
    }

    private record Pending(Advance advance, CompletableFuture<Void> result) {
    }

    private final Database db;
    private final ConversationStore conversations;
    private final CursorStore cursors;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean accepting = true;
    private volatile boolean running = true;

    public CursorWriter(Database db, ConversationStore conversations, CursorStore cursors, Clock clock) {
        this.db = db;
        this.conversations = conversations;
        this.cursors = cursors;
        this.clock = clock;
        this.thread = new Thread(this::run, "qchat-cursor-writer");
    }

    public void start() {
        thread.start();
    }

    /**
     * Stores the advance and returns once it is committed. Throws the {@link ChatException} that
     * refused it (nothing stored), or a runtime exception if the database failed.
     */
    public void advance(Advance advance) throws ChatException {
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (!accepting) {
            throw new ChatException(ErrorCode.UNAVAILABLE, "the server is shutting down");
        }
        Pending pending = new Pending(advance, result);
        queue.add(pending);
        try {
            while (!awaitCommit(result)) {
                // Queued just as close() drained the queue: nobody will write it.
                if (!thread.isAlive() && queue.remove(pending)) {
                    throw new ChatException(ErrorCode.UNAVAILABLE, "the server is shutting down");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException(ErrorCode.UNAVAILABLE, "the server is shutting down");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ChatException refused) {
                throw refused;
            }
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Advances waiting to be written. */
    public int queued() {
        return queue.size();
    }

    private static boolean awaitCommit(CompletableFuture<Void> result) throws InterruptedException, ExecutionException {
        try {
            result.get(1, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("cursor writer failed a batch", e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        long now = clock.millis();
        List<ChatException> refusals;
        try {
            refusals = db.tx(c -> {
                List<ChatException> out = new ArrayList<>(batch.size());
                for (Pending p : batch) {
                    out.add(store(c, p.advance(), now));
                }
                return out;
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            for (Pending p : batch) {
                write(List.of(p));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (refusals.get(i) != null) {
                batch.get(i).result().completeExceptionally(refusals.get(i));
            } else {
                batch.get(i).result().complete(null);
            }
        }
    }

    /** Checks and stores one advance; returns why it was refused, or null. */
    private ChatException store(Connection c, Advance a, long now) throws SQLException {
        ConversationRecord conv = conversations.find(c, a.convId()).orElse(null);
        if (conv == null) {
            return ChatException.notFound("no such conversation");
        }
        List<MembershipPeriod> periods = conversations.periods(c, a.convId(), a.userId());
        if (periods.isEmpty()) {
            return ChatException.forbidden("you are not in this conversation");
        }
        long last = SyncService.lastVisible(periods, conv.lastSeq());
        if (a.seq() > last) {
            return ChatException.badRequest("seq " + a.seq() + " is beyond the last message you can read (" + last + ")");
        }
        cursors.advance(c, a.userId(), a.device(), a.convId(), a.seq(), now);
        return null;
    }

    /** Stops taking advances, stores everything already queued, and stops the thread. */
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
