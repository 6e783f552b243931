package org.qchat.client.core.files;

import java.util.ArrayDeque;
import java.util.Deque;

/** Bytes per second over the last two seconds, so that a stall shows quickly and a burst does not stick. */
final class RateMeter {

    static final long WINDOW_MILLIS = 2_000;

    private final Deque<long[]> samples = new ArrayDeque<>();

    /** Starts over, e.g. after a reconnect: time spent offline is no transfer time. */
    void reset() {
        samples.clear();
    }

    /** Notes that {@code done} bytes were through at {@code now}, and returns the rate. */
    long sample(long now, long done) {
        samples.addLast(new long[] {now, done});
        while (samples.size() > 2 && samples.peekFirst()[0] < now - WINDOW_MILLIS) {
            samples.removeFirst();
        }
        long[] oldest = samples.peekFirst();
        long elapsed = now - oldest[0];
        return elapsed <= 0 ? 0 : Math.max(0, (done - oldest[1]) * 1000 / elapsed);
    }
}
