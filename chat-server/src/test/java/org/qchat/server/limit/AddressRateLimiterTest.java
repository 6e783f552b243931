package org.qchat.server.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AddressRateLimiterTest {

    private final FakeNanoClock clock = new FakeNanoClock();

    @Test
    void tenPerHourAllowsTenAtOnceThenOneEverySixMinutes() {
        AddressRateLimiter limiter = AddressRateLimiter.perHour(10, 1000, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.takeOrWait("192.0.2.1")).isZero();
        }
        assertThat(limiter.takeOrWait("192.0.2.1")).isEqualTo(Duration.ofMinutes(6).toNanos());
        assertThat(limiter.takeOrWait("192.0.2.2")).as("another address has its own allowance").isZero();

        clock.advance(Duration.ofMinutes(6));
        assertThat(limiter.takeOrWait("192.0.2.1")).isZero();
        assertThat(limiter.takeOrWait("192.0.2.1")).isPositive();
    }

    @Test
    void aTokenGivenBackIsAvailableAgain() {
        AddressRateLimiter limiter = AddressRateLimiter.perHour(1, 1000, clock);
        assertThat(limiter.takeOrWait("192.0.2.1")).isZero();
        limiter.giveBack("192.0.2.1");
        assertThat(limiter.takeOrWait("192.0.2.1")).isZero();
        assertThat(limiter.takeOrWait("192.0.2.1")).isEqualTo(Duration.ofHours(1).toNanos());
    }

    @Test
    void aLimitOfZeroRefusesEverything() {
        AddressRateLimiter limiter = AddressRateLimiter.perHour(0, 1000, clock);
        assertThat(limiter.takeOrWait("192.0.2.1")).isEqualTo(AddressRateLimiter.NEVER);
    }

    @Test
    void anAddressIsForgottenOnlyOnceItsBucketHasRefilled() {
        AddressRateLimiter limiter = AddressRateLimiter.perHour(2, 1, clock);
        limiter.takeOrWait("192.0.2.1");
        limiter.takeOrWait("192.0.2.1");

        limiter.takeOrWait("192.0.2.2");
        assertThat(limiter.takeOrWait("192.0.2.1"))
                .as("evicted for lack of room: a full allowance again (the price of bounded memory)").isZero();

        clock.advance(Duration.ofHours(1));
        assertThat(limiter.takeOrWait("192.0.2.1")).isZero();
        assertThat(limiter.takeOrWait("192.0.2.1")).isZero();
        assertThat(limiter.takeOrWait("192.0.2.1")).isPositive();
    }
}
