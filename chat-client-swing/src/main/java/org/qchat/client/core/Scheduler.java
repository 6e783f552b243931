package org.qchat.client.core;

import java.time.Duration;

/**
 * Runs tasks later on the client's dispatcher thread: request timeouts, heartbeats, delayed
 * acknowledgements, send retries. Tests use a manual implementation and move time by hand.
 */
public interface Scheduler {

    /** Runs {@code task} on the dispatcher thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Current time in epoch milliseconds, by the same clock the delays use. */
    long now();

    /** A scheduled task that may still be called off. */
    interface Cancellable {
        void cancel();
    }
}
