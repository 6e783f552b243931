package org.qchat.bench.load;

/**
 * Send times at a fixed rate from a start time, independent of when earlier sends happened: an
 * open-loop schedule. If the generator or the server stalls, the sends that fall due meanwhile
 * go out late with their original times, so their latency counts the stall (no coordinated
 * omission).
 */
public final class OpenLoopPacer {

    private final long startNanos;
    private final long endNanos;
    private final double intervalNanos;
    private long issued;

    public OpenLoopPacer(long startNanos, double ratePerSecond, long durationNanos) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        this.startNanos = startNanos;
        this.endNanos = startNanos + durationNanos;
        this.intervalNanos = 1e9 / ratePerSecond;
    }

    /** The intended time of the next send. */
    public long nextDue() {
        return startNanos + (long) (issued * intervalNanos);
    }

    /** Whether a send remains before the end of the schedule. */
    public boolean hasNext() {
        return nextDue() < endNanos;
    }

    /** Whether the next send is due at {@code nowNanos}. */
    public boolean isDue(long nowNanos) {
        return hasNext() && nextDue() <= nowNanos;
    }

    /** Takes the next send, returning its intended time. */
    public long take() {
        long due = nextDue();
        issued++;
        return due;
    }

    public long issued() {
        return issued;
    }

    public long endNanos() {
        return endNanos;
    }
}
