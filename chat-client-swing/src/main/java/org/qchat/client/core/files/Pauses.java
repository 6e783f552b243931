package org.qchat.client.core.files;

import java.time.Duration;

import org.qchat.client.core.Scheduler;

/**
 * The pause before a transfer tries again: 1 s, doubling up to 30 s. Trouble that may not pass
 * (the server busy or broken, no answer) gets {@link #MAX_TRIES} tries; a rate limit (four
 * transfers open, starts per second) always passes, so it gets as many as it takes.
 */
final class Pauses {

    static final int MAX_TRIES = 3;
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(30);

    private final Scheduler scheduler;

    Pauses(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Runs {@code again} after the transfer's next pause, unless its attempt changes first.
     *
     * @param limited whether this trouble counts against {@link #MAX_TRIES}
     * @return false, and nothing scheduled, when the tries are used up: the transfer fails instead
     */
    boolean schedule(Transfer transfer, boolean limited, Runnable again) {
        transfer.retries++;
        if (limited && transfer.retries >= MAX_TRIES) {
            return false;
        }
        transfer.retryTimer = scheduler.schedule(before(transfer.retries), () -> {
            transfer.retryTimer = null;
            again.run();
        });
        return true;
    }

    /** The pause before try {@code retry} (1 for the first retry). */
    static Duration before(int retry) {
        Duration delay = FIRST.multipliedBy(1L << Math.min(Math.max(0, retry - 1), 5));
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
