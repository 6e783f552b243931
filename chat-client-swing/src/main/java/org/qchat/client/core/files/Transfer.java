package org.qchat.client.core.files;

import org.qchat.client.core.Scheduler;

/** What an {@link Upload} and a {@link Download} share. Dispatcher thread only. */
abstract class Transfer {

    final RateMeter rate = new RateMeter();
    /**
     * Changes whenever what is in flight stops counting (the link dropped, a retry, a cancel): a
     * reply, a read or a write that comes back for an older attempt is ignored.
     */
    int attempt;
    /** Pauses since the transfer last made headway. */
    int retries;
    Scheduler.Cancellable retryTimer;

    /** Starts a new attempt: what is in flight stops counting and a pending retry is called off. */
    int newAttempt() {
        if (retryTimer != null) {
            retryTimer.cancel();
            retryTimer = null;
        }
        return ++attempt;
    }
}
