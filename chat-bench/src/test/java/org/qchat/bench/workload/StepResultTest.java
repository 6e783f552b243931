package org.qchat.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepResultTest {

    private static StepResult step(long expected, long delivered, double p99, long errors, String invalid) {
        return new StepResult(1_000, expected, expected, delivered, 0, errors, delivered, 1, p99, p99, p99, 1, 10,
                1 << 20, 0.1, 0.1, invalid);
    }

    @Test
    void theObjectiveNeedsLowP99AlmostEverythingDeliveredNoErrorsAndAValidGenerator() {
        assertThat(step(1_000, 1_000, 9.9, 0, null).meets(10, 0.99)).isTrue();
        assertThat(step(1_000, 990, 9.9, 0, null).meets(10, 0.99)).isTrue();
        assertThat(step(1_000, 989, 9.9, 0, null).meets(10, 0.99)).isFalse();
        assertThat(step(1_000, 1_000, 10.1, 0, null).meets(10, 0.99)).isFalse();
        assertThat(step(1_000, 1_000, 1, 1, null).meets(10, 0.99)).isFalse();
        assertThat(step(1_000, 1_000, 1, 0, "generator used 95% of its core").meets(10, 0.99)).isFalse();
    }

    @Test
    void nothingExpectedCountsAsAllDelivered() {
        assertThat(step(0, 0, 0, 0, null).deliveryRatio()).isEqualTo(1.0);
    }
}
