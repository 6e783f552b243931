package org.qchat.server.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String HOME = "198.51.100.7";
    private static final String ATTACKER = "203.0.113.66";
    private static final Duration BASE = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(15);
    private static final Duration FORGET = Duration.ofHours(1);

    private final FakeNanoClock clock = new FakeNanoClock();
    /** 3 free failures per (account, address), 10 per address; 1 s doubling to 15 s. */
    private final LoginThrottle throttle = new LoginThrottle(3, 10, BASE, MAX, FORGET, 1000, clock);

    private void fail(String account, String address) {
        try (LoginThrottle.Attempt attempt = throttle.begin(account, address)) {
            assertThat(attempt.refused()).as("attempt for %s from %s", account, address).isFalse();
            attempt.failed();
        }
    }

    private void succeed(String account, String address) {
        try (LoginThrottle.Attempt attempt = throttle.begin(account, address)) {
            assertThat(attempt.refused()).as("attempt for %s from %s", account, address).isFalse();
            attempt.succeeded();
        }
    }

    /** The wait a new attempt is told, or zero if it is admitted (and then cancelled). */
    private Duration waitFor(String account, String address) {
        try (LoginThrottle.Attempt attempt = throttle.begin(account, address)) {
            return attempt.retryAfter();
        }
    }

    @Test
    void theFreeFailuresPassThenEachFurtherFailureDoublesTheWaitUpToTheMaximum() {
        for (int i = 0; i < 2; i++) {
            fail("alice", HOME);
            assertThat(waitFor("alice", HOME)).isZero();
        }
        fail("alice", HOME);
        assertThat(waitFor("alice", HOME)).as("after the 3rd failure").isEqualTo(Duration.ofSeconds(1));

        Duration[] expected = {Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(15)};
        Duration previous = Duration.ofSeconds(1);
        for (Duration wait : expected) {
            clock.advance(previous);
            fail("alice", HOME);
            assertThat(waitFor("alice", HOME)).isEqualTo(wait);
            previous = wait;
        }
    }

    @Test
    void anAttemptThatComesEarlyIsRefusedWithTheTimeLeftAndDoesNotCount() {
        for (int i = 0; i < 3; i++) {
            fail("alice", HOME);
        }
        clock.advance(Duration.ofMillis(300));

        try (LoginThrottle.Attempt early = throttle.begin("alice", HOME)) {
            assertThat(early.refused()).isTrue();
            assertThat(early.retryAfter()).isEqualTo(Duration.ofMillis(700));
            early.failed();
        }
        assertThat(waitFor("alice", HOME)).as("a refused attempt adds no failure").isEqualTo(Duration.ofMillis(700));
        clock.advance(Duration.ofMillis(700));
        assertThat(waitFor("alice", HOME)).isZero();
    }

    @Test
    void aSuccessClearsTheAccountCountAtThatAddress() {
        for (int i = 0; i < 3; i++) {
            fail("alice", HOME);
        }
        clock.advance(BASE);
        succeed("alice", HOME);

        fail("alice", HOME);
        fail("alice", HOME);
        assertThat(waitFor("alice", HOME)).as("two failures after the success are free again").isZero();
    }

    @Test
    void failuresFromAnotherAddressNeverLockTheOwnerOut() {
        for (int i = 0; i < 8; i++) {
            clock.advance(MAX);
            fail("alice", ATTACKER);
        }
        assertThat(waitFor("alice", ATTACKER)).isEqualTo(MAX);

        assertThat(waitFor("alice", HOME)).isZero();
        succeed("alice", HOME);
        assertThat(waitFor("ALICE", ATTACKER)).as("names ignore case, and the owner's success "
                + "does not clear the attacker's count").isEqualTo(MAX);
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDownPerAddress() {
        for (int i = 0; i < 10; i++) {
            fail("user" + i, ATTACKER);
        }
        assertThat(waitFor("someone-new", ATTACKER)).isEqualTo(BASE);
        assertThat(waitFor("someone-new", HOME)).isZero();

        clock.advance(BASE);
        succeed("own-account", ATTACKER);
        fail("user10", ATTACKER);
        assertThat(waitFor("user11", ATTACKER)).as("a success does not reset the address")
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void ipv6AddressesInOneSlash64CountTogether() {
        for (int i = 0; i < 10; i++) {
            fail("user" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertThat(waitFor("x", "2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo(BASE);
        assertThat(waitFor("x", "2001:db8:1:3::1")).isZero();
    }

    @Test
    void parallelAttemptsCannotUseMoreThanTheFreeFailures() {
        LoginThrottle.Attempt first = throttle.begin("alice", ATTACKER);
        LoginThrottle.Attempt second = throttle.begin("alice", ATTACKER);
        LoginThrottle.Attempt third = throttle.begin("alice", ATTACKER);
        LoginThrottle.Attempt fourth = throttle.begin("alice", ATTACKER);

        assertThat(first.refused() || second.refused() || third.refused()).isFalse();
        assertThat(fourth.refused()).as("three are being checked already").isTrue();
        assertThat(fourth.retryAfter()).isEqualTo(Duration.ofNanos(LoginThrottle.BUSY_RETRY_NANOS));
        first.failed();
        second.failed();
        third.failed();
        assertThat(waitFor("alice", ATTACKER)).isEqualTo(BASE);

        clock.advance(BASE);
        LoginThrottle.Attempt admitted = throttle.begin("alice", ATTACKER);
        assertThat(admitted.refused()).isFalse();
        assertThat(throttle.begin("alice", ATTACKER).refused())
                .as("once delays apply, one attempt at a time").isTrue();
        admitted.failed();
        assertThat(waitFor("alice", ATTACKER)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anAttemptThatNeverJudgedThePasswordDoesNotCount() {
        for (int i = 0; i < 5; i++) {
            try (LoginThrottle.Attempt attempt = throttle.begin("alice", HOME)) {
                assertThat(attempt.refused()).isFalse();
                // e.g. the database failed before the password was checked
            }
        }
        fail("alice", HOME);
        fail("alice", HOME);
        assertThat(waitFor("alice", HOME)).isZero();
    }

    @Test
    void countsAreForgottenAfterAQuietPeriod() {
        for (int i = 0; i < 6; i++) {
            fail("alice", ATTACKER);
            clock.advance(MAX);
        }
        clock.advance(FORGET.minus(MAX).minusNanos(1));
        fail("alice", ATTACKER);
        assertThat(waitFor("alice", ATTACKER)).as("not quiet long enough: the count went on")
                .isEqualTo(MAX);

        clock.advance(FORGET);
        assertThat(throttle.size()).as("stale entries read as absent but may still be stored").isLessThanOrEqualTo(2);
        fail("alice", ATTACKER);
        assertThat(waitFor("alice", ATTACKER)).as("after an hour of quiet, a new count").isZero();
        assertThat(throttle.size()).isEqualTo(2);
    }

    @Test
    void memoryStaysBoundedWhateverNamesAndAddressesComeIn() {
        LoginThrottle small = new LoginThrottle(3, 10, BASE, MAX, FORGET, 100, clock);
        for (int i = 0; i < 10_000; i++) {
            try (LoginThrottle.Attempt attempt = small.begin("user" + i, "10.0." + (i / 250) + "." + (i % 250))) {
                attempt.failed();
            }
        }
        assertThat(small.size()).isLessThanOrEqualTo(200);
    }

    @Test
    void withoutAMaximumDelayNothingIsTrackedOrRefused() {
        LoginThrottle off = new LoginThrottle(0, 0, Duration.ZERO, Duration.ZERO, FORGET, 100, clock);
        for (int i = 0; i < 100; i++) {
            try (LoginThrottle.Attempt attempt = off.begin("alice", ATTACKER)) {
                assertThat(attempt.refused()).isFalse();
                attempt.failed();
            }
        }
        assertThat(off.size()).isZero();
    }

    @Test
    void aVeryLongNameCountsAgainstTheAddressOnly() {
        String junk = "x".repeat(100_000);
        for (int i = 0; i < 10; i++) {
            fail(junk + i, ATTACKER);
        }
        assertThat(throttle.size()).isEqualTo(1);
        assertThat(waitFor("alice", ATTACKER)).isEqualTo(BASE);
    }

    @Test
    void delaysDoNotOverflowAfterManyFailures() {
        LoginThrottle longMax = new LoginThrottle(1, 1, Duration.ofMillis(1), Duration.ofDays(365),
                Duration.ofDays(730), 10, clock);
        assertThat(longMax.delayNanos(1, 1)).isEqualTo(Duration.ofMillis(1).toNanos());
        assertThat(longMax.delayNanos(40, 1)).isEqualTo(Duration.ofDays(365).toNanos());
        assertThat(longMax.delayNanos(Integer.MAX_VALUE, 1)).isEqualTo(Duration.ofDays(365).toNanos());
        assertThat(longMax.delayNanos(0, 0)).as("no failure, no delay").isZero();
        assertThat(longMax.delayNanos(1, 0)).as("zero free failures behaves like one")
                .isEqualTo(Duration.ofMillis(1).toNanos());
    }
}
