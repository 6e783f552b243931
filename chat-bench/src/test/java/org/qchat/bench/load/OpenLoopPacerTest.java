package org.qchat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class OpenLoopPacerTest {

    private static final long MS = 1_000_000;

    @Test
    void sendTimesFollowTheRateFromTheStartNotFromEarlierSends() {
        OpenLoopPacer pacer = new OpenLoopPacer(1_000 * MS, 1_000, 5 * MS);

        List<Long> due = new ArrayList<>();
        while (pacer.hasNext()) {
            due.add(pacer.take());
        }

        assertThat(due).containsExactly(1_000 * MS, 1_001 * MS, 1_002 * MS, 1_003 * MS, 1_004 * MS);
    }

    @Test
    void aStalledCallerGetsEveryMissedSendWithItsOriginalTime() {
        OpenLoopPacer pacer = new OpenLoopPacer(0, 10_000, 10 * MS);

        // The caller wakes 3 ms late: 30 sends are due at once, each still stamped with its own time.
        long now = 3 * MS;
        List<Long> late = new ArrayList<>();
        while (pacer.isDue(now)) {
            late.add(pacer.take());
        }

        assertThat(late).hasSize(31);
        assertThat(late.get(0)).isZero();
        assertThat(late.get(30)).isEqualTo(3 * MS);
        assertThat(pacer.nextDue()).isEqualTo(3 * MS + 100_000);
    }

    @Test
    void nothingIsDueBeforeItsTimeOrAfterTheEnd() {
        OpenLoopPacer pacer = new OpenLoopPacer(50 * MS, 100, 20 * MS);

        assertThat(pacer.isDue(49 * MS)).isFalse();
        assertThat(pacer.isDue(50 * MS)).isTrue();
        pacer.take();
        pacer.take();
        assertThat(pacer.hasNext()).isFalse();
        assertThat(pacer.isDue(Long.MAX_VALUE / 2)).isFalse();
        assertThat(pacer.issued()).isEqualTo(2);
    }

    @Test
    void fractionalIntervalsDoNotDrift() {
        OpenLoopPacer pacer = new OpenLoopPacer(0, 3, 1_000 * MS);

        assertThat(pacer.take()).isZero();
        assertThat(pacer.take()).isEqualTo(333_333_333L);
        assertThat(pacer.take()).isEqualTo(666_666_666L);
        assertThat(pacer.hasNext()).isFalse();
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new OpenLoopPacer(0, 0, MS)).isInstanceOf(IllegalArgumentException.class);
    }
}
