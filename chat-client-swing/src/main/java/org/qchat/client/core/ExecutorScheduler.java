package org.qchat.client.core;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Scheduler} on one daemon timer thread that only waits: each due task is handed to the
 * dispatcher, so scheduled work runs on the same thread as everything else in the client.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private final ScheduledExecutorService timer;
    private final Executor dispatcher;

    public ExecutorScheduler(Executor dispatcher) {
        this.dispatcher = dispatcher;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qchat-client-timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        // The flag is read on the dispatcher thread, where cancel() is called too: a task already
        // handed to the dispatcher but cancelled before it ran still does not run.
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> future = timer.schedule(() -> dispatcher.execute(() -> {
            if (!cancelled.get()) {
                task.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            cancelled.set(true);
            future.cancel(false);
        };
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
