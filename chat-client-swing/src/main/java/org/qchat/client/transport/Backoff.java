package org.qchat.client.transport;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off between rounds of connection attempts: 1 s after a link that was up went
 * down, then doubling (with jitter, so many clients dropped by one server do not return in step)
 * up to 30 s while attempts keep failing. Not thread-safe: one {@link Rotation} owns it.
 */
final class Backoff {

    static final long FIRST_DELAY_MILLIS = 1_000;
    static final long MAX_DELAY_MILLIS = 30_000;

    private long nextDelay = FIRST_DELAY_MILLIS;
    private long interval = FIRST_DELAY_MILLIS;

    /** A connection came up: the next drop is retried quickly again. */
    void succeeded() {
        nextDelay = FIRST_DELAY_MILLIS;
        interval = FIRST_DELAY_MILLIS;
    }

    /** A round of attempts failed: wait longer before the next one. */
    void failed() {
        nextDelay = Math.min(MAX_DELAY_MILLIS, nextDelay * 2);
        long jitter = ThreadLocalRandom.current().nextLong(nextDelay / 5 + 1);
        interval = nextDelay - nextDelay / 10 + jitter;
    }

    /** The wait before the next round, in milliseconds. */
    long interval() {
        return interval;
    }
}
