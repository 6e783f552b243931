package org.qchat.server.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final FakeNanoClock clock = new FakeNanoClock();

    private static int takeAll(TokenBucket bucket) {
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        return taken;
    }

    @Test
    void aNewBucketIsFullAndAllowsExactlyItsCapacityAtOnce() {
        TokenBucket bucket = new TokenBucket(60, 20, clock);

        assertThat(bucket.isFull()).isTrue();
        assertThat(takeAll(bucket)).isEqualTo(60);
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void anEmptyBucketSaysExactlyWhenTheNextTokenArrives() {
        TokenBucket bucket = new TokenBucket(3, 20, clock);
        takeAll(bucket);

        assertThat(bucket.nanosUntilToken()).isEqualTo(Duration.ofMillis(50).toNanos());
        clock.advance(Duration.ofMillis(30));
        assertThat(bucket.nanosUntilToken()).isEqualTo(Duration.ofMillis(20).toNanos());
        assertThat(bucket.tryTake()).as("a refused take takes nothing").isFalse();
        clock.advanceNanos(Duration.ofMillis(20).toNanos() - 1);
        assertThat(bucket.tryTake()).as("one nanosecond early").isFalse();
        clock.advanceNanos(1);
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void itRefillsAtTheConfiguredRateAndNeverBeyondItsCapacity() {
        TokenBucket bucket = new TokenBucket(10, 20, clock);
        takeAll(bucket);

        clock.advance(Duration.ofMillis(250));
        assertThat(takeAll(bucket)).as("20/s for 250 ms").isEqualTo(5);

        clock.advance(Duration.ofHours(1));
        assertThat(bucket.isFull()).isTrue();
        assertThat(takeAll(bucket)).as("an idle hour refills to capacity, not beyond").isEqualTo(10);
    }

    @Test
    void aSustainedClientGetsTheRateAndNoMore() {
        TokenBucket bucket = new TokenBucket(60, 20, clock);
        int allowed = 0;
        // Ten seconds of a client trying every millisecond.
        for (int ms = 0; ms < 10_000; ms++) {
            if (bucket.tryTake()) {
                allowed++;
            }
            clock.advance(Duration.ofMillis(1));
        }
        assertThat(allowed).as("the burst plus 20 per second").isBetween(60 + 199, 60 + 200);
    }

    @Test
    void rateBelowOnePerSecondWorks() {
        TokenBucket bucket = new TokenBucket(10, 10 / 3600.0, clock);
        assertThat(takeAll(bucket)).isEqualTo(10);

        assertThat(bucket.nanosUntilToken()).isEqualTo(Duration.ofMinutes(6).toNanos());
        clock.advance(Duration.ofMinutes(6));
        assertThat(takeAll(bucket)).isEqualTo(1);
    }

    @Test
    void aTokenGivenBackCanBeTakenAgainButTheBucketNeverOverfills() {
        TokenBucket bucket = new TokenBucket(2, 1, clock);
        takeAll(bucket);

        bucket.giveBack();
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();

        bucket.giveBack();
        bucket.giveBack();
        bucket.giveBack();
        assertThat(bucket.isFull()).isTrue();
        assertThat(takeAll(bucket)).isEqualTo(2);
    }

    @Test
    void hugeLimitsDoNotOverflow() {
        TokenBucket bucket = new TokenBucket(Integer.MAX_VALUE, 1e-6, clock);
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.nanosUntilToken()).isZero();
    }

    @Test
    void aBucketNeedsACapacityAndARate() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, Double.NaN, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
