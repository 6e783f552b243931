package org.qchat.server.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.qchat.protocol.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: everything submitted while a batch was being written is written next, as one
 * batch, so one write to storage pays for many items. Items are written in submission order, one
 * batch at a time. Used by every writer of the server (messages and state changes, cursors), so
 * the loop, its shutdown and its failure handling exist once.
 *
 * <p>Who writes: the committer's own thread, or — for items its {@link BatchWriter} allows
 * ({@link BatchWriter#mayRunOnCaller}) — the thread that submits them, when no batch is being
 * written at that moment. Writing on the caller saves two thread switches per batch, which on a
 * busy core cost more than the write itself; it is offered only for work that never waits (the
 * embedded store appending to the page cache). Whoever writes holds the <em>writing turn</em>
 * ({@link #turn}), so batches never overlap and each sees everything the previous one did. A
 * caller stops at the first item it may not write and leaves it, and everything after it, to the
 * thread.
 *
 * <p>With a {@code linger}, the thread waits that long after the first item of a batch before
 * taking the rest: for writes nobody waits on, where fewer, larger batches are worth a delay.
 */
public final class GroupCommitter<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Writes batches; never called by two threads at once. */
    public interface BatchWriter<T> {
        /** Writes one batch and answers every item of it; must not throw for one bad item. */
        void write(List<T> batch);

        /** Answers an item that will not be written: submitted after {@link #close()}, or whose batch failed. */
        void reject(T item, Exception cause);

        /**
         * Whether {@code item} may be written on the thread that submits it. Only for items whose
         * writing never waits: that thread may be one that must not block. Default: never.
         */
        default boolean mayRunOnCaller(T item) {
            return false;
        }
    }

    private final String name;
    private final int maxBatch;
    private final long lingerNanos;
    private final BatchWriter<T> writer;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean turn = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean accepting = true;
    private volatile boolean running = true;

    public GroupCommitter(String name, int maxBatch, long lingerNanos, BatchWriter<T> writer) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.lingerNanos = lingerNanos;
        this.writer = writer;
        this.thread = new Thread(this::run, name);
    }

    public void start() {
        thread.start();
    }

    /**
     * Queues an item for the next batch, and writes it (with whatever is queued before it) right
     * here if the writer allows it and nobody is writing; after {@link #close()} it is rejected at
     * once. Any thread.
     */
    public void submit(T item) {
        if (!accepting) {
            writer.reject(item, shuttingDown());
            return;
        }
        queue.add(item);
        size.incrementAndGet();
        if (!writer.mayRunOnCaller(item) || !writeHere()) {
            LockSupport.unpark(thread);
        }
    }

    /** Items waiting for a batch. */
    public int queued() {
        return size.get();
    }

    /** Whether the calling thread is this committer's own. */
    public boolean isCommitterThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Writes on the caller what it may. Returns false if an item that only the thread may write
     * is next, so the thread must be woken; true if the queue was emptied or another writer has it.
     */
    private boolean writeHere() {
        List<T> batch = new ArrayList<>();
        while (true) {
            if (!turn.compareAndSet(false, true)) {
                return true; // the writer holding the turn takes our item before it lets go
            }
            try {
                for (T head; (head = queue.peek()) != null && writer.mayRunOnCaller(head); batch.clear()) {
                    take(batch, true);
                    write(batch);
                }
            } finally {
                turn.set(false);
            }
            // An item added after the last look, while the turn was still held, must not be stranded.
            T head = queue.peek();
            if (head == null) {
                return true;
            }
            if (!writer.mayRunOnCaller(head)) {
                return false;
            }
        }
    }

    private void run() {
        List<T> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            if (queue.isEmpty()) {
                LockSupport.parkNanos(this, IDLE_WAIT_NANOS);
                continue;
            }
            if (lingerNanos > 0) {
                linger();
            }
            if (!turn.compareAndSet(false, true)) {
                // A caller is writing; it wakes this thread if it leaves an item only this thread may write.
                LockSupport.parkNanos(this, IDLE_WAIT_NANOS);
                continue;
            }
            try {
                take(batch, false);
                write(batch);
            } finally {
                batch.clear();
                turn.set(false);
            }
        }
    }

    /** Waits out the linger; submissions wake this thread, so each wake-up waits for what is left. */
    private void linger() {
        long until = System.nanoTime() + lingerNanos;
        for (long left = lingerNanos; left > 0 && running; left = until - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    /** Moves up to a batch of items off the queue: all of them, or (on a caller) those it may write. */
    private void take(List<T> batch, boolean callerOnly) {
        for (T head; batch.size() < maxBatch && (head = queue.peek()) != null; ) {
            if (callerOnly && !writer.mayRunOnCaller(head)) {
                break;
            }
            batch.add(queue.poll());
            size.decrementAndGet();
        }
    }

    private void write(List<T> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            writer.write(batch);
        } catch (RuntimeException e) {
            log.error("{} failed a batch", name, e);
            batch.forEach(item -> writer.reject(item, e));
        }
    }

    /**
     * Stops taking items, writes everything already queued, and stops the thread. An item still
     * queued after that (submitted during the close) is rejected.
     */
    @Override
    public void close() {
        accepting = false;
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (T item; (item = queue.poll()) != null; ) {
            size.decrementAndGet();
            writer.reject(item, shuttingDown());
        }
    }

    private static ChatException shuttingDown() {
        return new ChatException(ErrorCode.UNAVAILABLE, "the server is shutting down");
    }
}
