package org.qchat.server.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread takes everything submitted while it was busy and hands it to its
 * {@link BatchWriter} as one batch, so one write to storage pays for many items. Items are handed
 * over in submission order. Used by every writer of the server (messages and state changes,
 * cursors), so the loop, its shutdown and its failure handling exist once.
 *
 * <p>With a {@code linger}, the thread waits that long after the first item of a batch before
 * taking the rest: for writes nobody waits on, where fewer, larger batches are worth a delay.
 */
public final class GroupCommitter<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    /** Writes batches; called on the committer's thread only. */
    public interface BatchWriter<T> {
        /** Writes one batch and answers every item of it; must not throw for one bad item. */
        void write(List<T> batch);

        /** Answers an item that will not be written: submitted after {@link #close()}, or whose batch failed. */
        void reject(T item, Exception cause);
    }

    private final String name;
    private final int maxBatch;
    private final long lingerNanos;
    private final BatchWriter<T> writer;
    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
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

    /** Queues an item for the next batch; after {@link #close()} it is rejected at once. Any thread. */
    public void submit(T item) {
        if (!accepting) {
            writer.reject(item, shuttingDown());
            return;
        }
        queue.add(item);
    }

    /** Items waiting for a batch. */
    public int queued() {
        return queue.size();
    }

    /** Whether the calling thread is this committer's own. */
    public boolean isCommitterThread() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        List<T> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                T first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                if (lingerNanos > 0 && running) {
                    LockSupport.parkNanos(lingerNanos);
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writer.write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{} failed a batch", name, e);
                batch.forEach(item -> writer.reject(item, e));
            } finally {
                batch.clear();
            }
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
            writer.reject(item, shuttingDown());
        }
    }

    private static ChatException shuttingDown() {
        return new ChatException(org.qchat.protocol.ErrorCode.UNAVAILABLE, "the server is shutting down");
    }
}
