package org.qchat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreInMillisecondsWithinThePrecision() {
        LatencyStats stats = new LatencyStats();
        for (int i = 1; i <= 1_000; i++) {
            stats.recordNanos(i * 10_000L); // 0.01 ms … 10 ms
        }

        assertThat(stats.count()).isEqualTo(1_000);
        assertThat(stats.percentileMillis(50)).isCloseTo(5.0, within(0.01));
        assertThat(stats.percentileMillis(99)).isCloseTo(9.9, within(0.01));
        assertThat(stats.maxMillis()).isCloseTo(10.0, within(0.01));
    }

    @Test
    void emptyReadsZeroAndResetEmpties() {
        LatencyStats stats = new LatencyStats();
        assertThat(stats.percentileMillis(99)).isZero();
        stats.recordNanos(5_000_000);
        stats.reset();
        assertThat(stats.count()).isZero();
        assertThat(stats.maxMillis()).isZero();
    }

    @Test
    void outOfRangeValuesAreClampedNotLost() {
        LatencyStats stats = new LatencyStats();
        stats.recordNanos(-5);
        stats.recordNanos(Long.MAX_VALUE);

        assertThat(stats.count()).isEqualTo(2);
        assertThat(stats.maxMillis()).isGreaterThanOrEqualTo(60_000);
    }
}
