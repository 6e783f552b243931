package org.qchat.server.limit;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A nanosecond clock that moves only when told. Starts below zero, as System.nanoTime may. */
final class FakeNanoClock implements LongSupplier {

    private long now = -Duration.ofDays(3).toNanos();

    @Override
    public long getAsLong() {
        return now;
    }

    void advance(Duration d) {
        now += d.toNanos();
    }

    void advanceNanos(long nanos) {
        now += nanos;
    }
}
