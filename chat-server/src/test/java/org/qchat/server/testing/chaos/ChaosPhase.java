package org.qchat.server.testing.chaos;

import java.util.concurrent.CountDownLatch;

/**
 * One lifetime of the server process: users reconnect, resync, resend and (unless it is the last
 * one) send new messages until the run kills the server.
 */
final class ChaosPhase {

    final int number;
    /** False for the last phase: users only resend their outboxes, so the run can end. */
    final boolean sendNew;
    /** Counted down by each user once it has resynced and is sending. */
    final CountDownLatch pumping;
    /** Set just before SIGKILL: from then on a failed request means "the server is gone". */
    volatile boolean killed;

    ChaosPhase(int number, boolean sendNew, int users) {
        this.number = number;
        this.sendNew = sendNew;
        this.pumping = new CountDownLatch(users);
    }
}
