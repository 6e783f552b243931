package org.qchat.bench.load;

import org.HdrHistogram.Histogram;

/** Latencies of one measurement, in microseconds, 1 µs to 1 min at three significant digits. */
public final class LatencyStats {

    private final Histogram histogram = new Histogram(1, 60_000_000L, 3);

    public void recordNanos(long nanos) {
        long micros = Math.max(1, nanos / 1_000);
        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The value at {@code percentile} (0–100) in milliseconds; 0 with no values. */
    public double percentileMillis(double percentile) {
        return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return count() == 0 ? 0 : histogram.getMaxValue() / 1000.0;
    }

    public void reset() {
        histogram.reset();
    }
}
