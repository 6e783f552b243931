package org.qchat.client.core.files;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Blocking file work, off the dispatcher: each task runs on the worker, one at a time in the
 * order given (so the writes of a download land in order, and a part file is closed only after
 * its last write), and its future completes back on the dispatcher thread, where transfer state
 * lives. A task that throws fails its future with what it threw.
 */
final class FileWork {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FileWork.class);

    /** A piece of blocking work. */
    interface Task<T> {
        T run() throws Exception;
    }

    private final Executor worker;
    private final Executor dispatcher;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean draining;

    FileWork(Executor worker, Executor dispatcher) {
        this.worker = worker;
        this.dispatcher = dispatcher;
    }

    <T> CompletableFuture<T> run(Task<T> task) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Runnable job = () -> {
            T value = null;
            Throwable failure = null;
            try {
                value = task.run();
            } catch (Throwable t) {
                failure = t;
            }
            T result = value;
            Throwable error = failure;
            dispatcher.execute(() -> {
                if (error == null) {
                    future.complete(result);
                } else {
                    future.completeExceptionally(error);
                }
            });
        };
        try {
            enqueue(job);
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(e); // the worker was shut down: the app is quitting
        }
        return future;
    }

    private void enqueue(Runnable task) {
        boolean start;
        synchronized (queue) {
            queue.add(task);
            start = !draining;
            draining = true;
        }
        if (start) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                synchronized (queue) {
                    queue.remove(task);
                    draining = false;
                }
                throw e;
            }
        }
    }

    /**
     * Runs queued tasks until none is left. With a direct executor (tests) a task queued by a
     * task's own follow-up waits here instead of nesting, so order holds there too.
     */
    private void drain() {
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // Only a dispatcher that stopped taking tasks (the client closing) gets here.
                log.debug("file work could not report back", e);
            }
        }
    }
}
