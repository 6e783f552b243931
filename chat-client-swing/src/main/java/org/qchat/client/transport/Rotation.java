package org.qchat.client.transport;

/**
 * Which address to try next, and after how long: round robin over a {@link ServerList}. When a
 * link drops or an attempt fails the next address is tried at once, so a client whose node died
 * lands on a live one without waiting; only when a whole round has failed does the
 * {@link Backoff} delay come in. With one address every round is one attempt, so that address is
 * retried with plain back-off (1 s after a drop, then doubling), as before lists existed.
 *
 * <p>Not thread-safe: the transport calls it under its own lock.
 */
final class Rotation {

    /** Where to connect and how long to wait first. */
    record Attempt(ServerAddress address, long delayMillis) {
    }

    private final ServerList servers;
    private final Backoff backoff = new Backoff();
    private int current;
    /** Addresses found dead since the last success (or the last back-off): the round so far. */
    private int failedInRound;

    Rotation(ServerList servers) {
        this.servers = servers;
    }

    /** The first attempt: the first address, now. */
    Attempt first() {
        current = 0;
        failedInRound = 0;
        return new Attempt(servers.get(0), 0);
    }

    /** The link to the current address is up. */
    void connected() {
        failedInRound = 0;
        backoff.succeeded();
    }

    /** The link that was up went down: the node it led to counts as the round's first failure. */
    Attempt dropped() {
        return next();
    }

    /** An attempt on the current address failed. */
    Attempt failed() {
        return next();
    }

    /** The address of the current (or last) attempt. */
    ServerAddress current() {
        return servers.get(current);
    }

    private Attempt next() {
        current = (current + 1) % servers.size();
        failedInRound++;
        long delay = 0;
        if (failedInRound >= servers.size()) {
            // Every address failed since the last success: back off before the next round.
            failedInRound = 0;
            delay = backoff.interval();
            backoff.failed();
        }
        return new Attempt(servers.get(current), delay);
    }
}
