package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.server.testing.chaos.ChaosRun;
import org.qchat.server.testing.chaos.RedisOutageRun;
import org.qchat.server.testing.chaos.DeliveryChecker.Kind;
import org.qchat.server.testing.chaos.DeliveryChecker.Violation;

/**
 * Crash durability of a cluster: three nodes on one PostgreSQL schema and one Redis, users spread
 * over them (user {@code i} on node {@code i % 3}). A random node is killed with SIGKILL again and
 * again, each kill landing with at least 100 messages sent to it and not yet acknowledged; its users
 * fail over to the next live node, resume, resync and resend, and the node is started again before
 * the next kill. Every acknowledged message must be stored once and reach every member exactly once,
 * in seq order, without gaps, as {@code CrashChaosIT} checks for one server. The negative control
 * runs a cluster that acknowledges before committing and expects the checker to catch it.
 *
 * <p>Redis outages: Redis is stopped — losing all it held — and started again under load, nodes
 * and client connections staying up; within 5 s of its return every device holds, from pushes
 * alone, what it missed, and every acknowledged message is stored once.
 *
 * <p>CI size by default; a longer run: {@code -Dqchat.chaos.kills=50 -Dqchat.chaos.clients=30
 * -Dqchat.chaos.redisOutages=10} (also {@code qchat.chaos.window}, and {@code qchat.chaos.seed} to
 * repeat a run's random choices).
 */
@Timeout(value = 60, unit = TimeUnit.MINUTES) // backstop for long runs; every wait inside is bounded
class ClusterChaosIT {

    private static final int NODES = 3;
    private static final int MIN_IN_FLIGHT_AT_KILL = 100;
    /** How long after Redis returns every online device may take to hold what it missed. */
    private static final Duration CATCH_UP = Duration.ofSeconds(5);

    private static long seed;
    private static int users;
    private static int kills;
    private static int window;
    private static int redisOutages;

    @BeforeAll
    static void settings() {
        String given = System.getProperty("qchat.chaos.seed");
        seed = given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.trim());
        users = Integer.getInteger("qchat.chaos.clients", 9);
        kills = Integer.getInteger("qchat.chaos.kills", 5);
        window = Integer.getInteger("qchat.chaos.window", 128);
        redisOutages = Integer.getInteger("qchat.chaos.redisOutages", 2);
    }

    @Test
    void everyAcknowledgedMessageSurvivesKillsOfRandomNodesAndReachesEveryMemberOnceInOrderAfterFailover(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tmp) {
        ChaosRun.Result result = ChaosRun.runOnCluster(tmp, NODES,
                new ChaosRun.Settings(seed, users, kills, window, MIN_IN_FLIGHT_AT_KILL, false, List.of()));

        assertThat(result.kills()).hasSize(kills);
        for (ChaosRun.Kill kill : result.kills()) {
            assertThat(kill.inFlight()).as("unacknowledged messages in flight at %s", kill)
                    .isGreaterThanOrEqualTo(MIN_IN_FLIGHT_AT_KILL);
        }
        assertThat(result.resent()).as("messages resent after kills").isPositive();
        assertThat(result.violations()).as("seed %d: %s", seed, result.summary(30)).isEmpty();
    }

    @Test
    void theCheckerCatchesAClusterThatAcknowledgesBeforeCommitting(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tmp) {
        ChaosRun.Result result = ChaosRun.runOnCluster(tmp, NODES,
                new ChaosRun.Settings(seed, users, 1, window, 0, true, List.of()));

        assertThat(result.kills()).hasSize(1);
        assertThat(result.violations()).extracting(Violation::kind)
                .as("seed %d: the checker must report acknowledged messages lost; it found %s", seed, result.summary(10))
                .contains(Kind.LOST_ACKED);
        assertThat(result.outcomes()).extracting(ChaosRun.KillOutcome::lostAcked)
                .as("acknowledged messages lost by each kill").anyMatch(lost -> lost > 0);
    }

    @Test
    void afterRedisLosesEverythingAndReturnsEveryOnlineDeviceGetsWhatItMissedWithoutReconnecting(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tmp) {
        RedisOutageRun.Result result = RedisOutageRun.run(tmp,
                new RedisOutageRun.Settings(seed, users, redisOutages, window, CATCH_UP));

        assertThat(result.outages()).hasSize(redisOutages);
        for (RedisOutageRun.Outage outage : result.outages()) {
            assertThat(outage.ackedWhileDown()).as("nodes keep committing while Redis is away: %s", outage).isPositive();
            assertThat(outage.caughtUp()).as("seed %d: within %s of Redis's return: %s", seed, CATCH_UP, outage).isTrue();
        }
        assertThat(result.unexpectedDisconnects()).as("connections that ended while only Redis went away").isZero();
        assertThat(result.violations()).as("seed %d: %s", seed, result.summary(30)).isEmpty();
    }
}
