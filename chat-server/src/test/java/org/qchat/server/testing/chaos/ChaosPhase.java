package org.qchat.server.testing.chaos;

import java.util.concurrent.CountDownLatch;

import org.qchat.server.testing.ServerProcess;

/**
 * One stretch of a run between two disruptions: users (re)connect, resync, resend and (unless it is
 * the last one) send new messages until the run kills a server — or, in a run that kills nothing,
 * until it tells them to stop. Users of the killed server lose their connection; the others stop
 * sending new messages, collect the replies they wait for and keep their connection.
 */
final class ChaosPhase {

    final int number;
    /** False for the last phase: users only resend their outboxes, so the run can end. */
    final boolean sendNew;
    /** Counted down by each user once it has resynced and is sending. */
    final CountDownLatch pumping;
    /** Set just before SIGKILL: from then on a failed request to it means "the server is gone". */
    private volatile ServerProcess victim;
    /** Set to end the phase without a kill. */
    private volatile boolean stopped;

    ChaosPhase(int number, boolean sendNew, int users) {
        this.number = number;
        this.sendNew = sendNew;
        this.pumping = new CountDownLatch(users);
    }

    /** Called just before {@code server} is killed. */
    void killing(ServerProcess server) {
        victim = server;
    }

    /** Ends the phase with no kill: users finish what they sent and return. */
    void stop() {
        stopped = true;
    }

    boolean killed(ServerProcess server) {
        return server != null && server == victim;
    }

    /** Whether users are to send no new messages any more. */
    boolean ending() {
        return victim != null || stopped;
    }
}
