package org.qchat.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which address comes next and when, without sockets. */
class RotationTest {

    private static final ServerAddress A = new ServerAddress("a", 1);
    private static final ServerAddress B = new ServerAddress("b", 1);
    private static final ServerAddress C = new ServerAddress("c", 1);

    @Test
    void aDroppedLinkGoesToTheNextAddressAtOnceAndBacksOffOnlyAfterAFullRound() {
        Rotation rotation = new Rotation(ServerList.of(A, B, C));
        assertThat(rotation.first()).isEqualTo(new Rotation.Attempt(A, 0));
        rotation.connected();

        assertThat(rotation.dropped()).isEqualTo(new Rotation.Attempt(B, 0));
        assertThat(rotation.failed()).isEqualTo(new Rotation.Attempt(C, 0));
        Rotation.Attempt afterRound = rotation.failed();

        assertThat(afterRound.address()).isEqualTo(A);
        assertThat(afterRound.delayMillis()).isEqualTo(Backoff.FIRST_DELAY_MILLIS);
    }

    @Test
    void everyFailedRoundWaitsLongerUpToTheMaximumAndASuccessStartsOver() {
        Rotation rotation = new Rotation(ServerList.of(A, B));
        rotation.first();
        long previous = 0;
        for (int round = 0; round < 10; round++) {
            assertThat(rotation.failed().delayMillis()).as("inside a round").isZero();
            long delay = rotation.failed().delayMillis();
            assertThat(delay).as("after round " + round).isGreaterThanOrEqualTo(Math.min(previous, 27_000))
                    .isLessThanOrEqualTo(Backoff.MAX_DELAY_MILLIS + Backoff.MAX_DELAY_MILLIS / 10);
            previous = delay;
        }
        assertThat(previous).isGreaterThanOrEqualTo(Backoff.MAX_DELAY_MILLIS * 9 / 10);

        rotation.connected();
        assertThat(rotation.dropped().delayMillis()).isZero();
        assertThat(rotation.failed().delayMillis()).isEqualTo(Backoff.FIRST_DELAY_MILLIS);
    }

    @Test
    void aSingleAddressIsRetriedAfterOneSecondAfterADropThenWithGrowingBackOff() {
        Rotation rotation = new Rotation(ServerList.of(A));
        rotation.first();
        rotation.connected();

        assertThat(rotation.dropped()).isEqualTo(new Rotation.Attempt(A, Backoff.FIRST_DELAY_MILLIS));
        Rotation.Attempt second = rotation.failed();
        assertThat(second.address()).isEqualTo(A);
        assertThat(second.delayMillis()).isBetween(1_800L, 2_200L);
    }

    @Test
    void aFirstConnectThatFailsMovesOnAtOnce() {
        Rotation rotation = new Rotation(ServerList.of(A, B));
        rotation.first();

        assertThat(rotation.failed()).isEqualTo(new Rotation.Attempt(B, 0));
        assertThat(rotation.current()).isEqualTo(B);
    }
}
