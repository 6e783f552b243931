package org.qchat.server.net;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's tasks one at a time, in order, on a shared pool. Requests of a
 * connection are therefore handled in the order they arrived (two sends to one conversation get
 * seqs in that order), while different connections run in parallel.
 */
final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    /** Starts small: it exists for every connection and most hold at most a task or two. */
    private final Queue<Runnable> tasks = new ArrayDeque<>(2);
    private final Executor pool;
    private Runnable active;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("connection task failed", e);
            } finally {
                scheduleNext();
            }
        });
        if (active == null) {
            scheduleNext();
        }
    }

    /**
     * Runs {@code task} on the calling thread when this executor is idle (nothing queued or
     * running), holding the executor meanwhile so later tasks queue behind it; otherwise queues it
     * like {@link #execute}. Order is kept either way. For tasks that never block.
     */
    void runNowOrQueue(Runnable task) {
        synchronized (this) {
            if (active != null) {
                execute(task);
                return;
            }
            active = task;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("connection task failed", e);
        } finally {
            scheduleNext();
        }
    }

    private synchronized void scheduleNext() {
        active = tasks.poll();
        if (active != null) {
            try {
                pool.execute(active);
            } catch (RejectedExecutionException e) {
                // The server is stopping; what is left of this connection's work is dropped.
                tasks.clear();
                active = null;
            }
        }
    }
}
