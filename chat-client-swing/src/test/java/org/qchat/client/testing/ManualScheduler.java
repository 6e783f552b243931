package org.qchat.client.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.qchat.client.core.Scheduler;

/** A scheduler whose clock only moves when the test says so; due tasks run on the test's thread. */
public final class ManualScheduler implements Scheduler {

    private final List<Task> tasks = new ArrayList<>();
    private long now = 1_767_225_600_000L;
    private long order;

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now + delay.toMillis(), order++, task);
        tasks.add(t);
        return () -> tasks.remove(t);
    }

    @Override
    public long now() {
        return now;
    }

    /** Moves the clock forward, running every task that falls due on the way, in time order. */
    public void advance(Duration duration) {
        long target = now + duration.toMillis();
        while (true) {
            Task next = tasks.stream().filter(t -> t.due <= target)
                    .min(Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.order)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = Math.max(now, next.due);
            next.task.run();
        }
        now = target;
    }

    public int pending() {
        return tasks.size();
    }

    private record Task(long due, long order, Runnable task) {
    }
}
