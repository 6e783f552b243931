package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.server.testing.PostgresSchema;
import org.qchat.server.testing.ServerProcess;
import org.qchat.server.testing.chaos.ChaosRun;
import org.qchat.server.testing.chaos.DeliveryChecker.Kind;
import org.qchat.server.testing.chaos.DeliveryChecker.Violation;

/**
 * Crash durability: the packaged server — on its embedded store, and on PostgreSQL — is
 * killed with SIGKILL again and again while users chat, each kill landing with at least 100
 * messages sent and not yet acknowledged; after every restart users reconnect, resync and resend.
 * Every acknowledged message must reach every member exactly once, in seq order, without gaps, and
 * every resent message must be stored exactly once, its ack equal to what is stored. The negative controls run
 * the same scenario against a server that acknowledges before storing and expect the checker
 * to catch lost acknowledged messages — proof that the positive tests can fail.
 *
 * <p>CI size by default; a longer run: {@code scripts/chaos-long.sh}, or
 * {@code -Dqchat.chaos.kills=50 -Dqchat.chaos.clients=32} (also {@code qchat.chaos.window},
 * {@code qchat.chaos.seed} to repeat a run's random choices).
 */
@Timeout(value = 60, unit = TimeUnit.MINUTES) // backstop for long runs; every wait inside is bounded
class CrashChaosIT {

    private static final int MIN_IN_FLIGHT_AT_KILL = 100;

    private static long seed;
    private static int users;
    private static int kills;
    private static int window;

    @BeforeAll
    static void settings() {
        String given = System.getProperty("qchat.chaos.seed");
        seed = given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.trim());
        users = Integer.getInteger("qchat.chaos.clients", 8);
        kills = Integer.getInteger("qchat.chaos.kills", 5);
        window = Integer.getInteger("qchat.chaos.window", 128);
    }

    @Test
    void everyAcknowledgedMessageSurvivesRepeatedKillMinusNineAndReachesEveryMemberOnceInOrder(@TempDir Path tmp) {
        assertNothingAcknowledgedIsLost(tmp, List.of());
    }

    @Test
    void onPostgresqlEveryAcknowledgedMessageSurvivesRepeatedKillMinusNine(@TempDir Path tmp) {
        try (PostgresSchema schema = PostgresSchema.fresh()) {
            assertNothingAcknowledgedIsLost(tmp, List.of("--db-url", schema.url(), "--db-schema", schema.name()));
        }
    }

    @Test
    void theCheckerCatchesAServerThatAcknowledgesBeforeStoring(@TempDir Path tmp) {
        assertTheCheckerCatchesAcksBeforeStoring(tmp, List.of());
    }

    @Test
    void onPostgresqlTheCheckerCatchesAServerThatAcknowledgesBeforeCommitting(@TempDir Path tmp) {
        try (PostgresSchema schema = PostgresSchema.fresh()) {
            assertTheCheckerCatchesAcksBeforeStoring(tmp, List.of("--db-url", schema.url(), "--db-schema", schema.name()));
        }
    }

    private static void assertNothingAcknowledgedIsLost(Path tmp, List<String> storageArgs) {
        Path jar = ServerProcess.jar();
        ChaosRun.Result result = ChaosRun.run(jar, tmp,
                new ChaosRun.Settings(seed, users, kills, window, MIN_IN_FLIGHT_AT_KILL, false, storageArgs));

        assertThat(result.kills()).hasSize(kills);
        for (ChaosRun.Kill kill : result.kills()) {
            assertThat(kill.inFlight()).as("unacknowledged messages in flight at %s", kill)
                    .isGreaterThanOrEqualTo(MIN_IN_FLIGHT_AT_KILL);
        }
        assertThat(result.resent()).as("messages resent after kills").isPositive();
        assertThat(result.violations()).as("seed %d: %s", seed, result.summary(30)).isEmpty();
    }

    private static void assertTheCheckerCatchesAcksBeforeStoring(Path tmp, List<String> storageArgs) {
        Path jar = ServerProcess.jar();
        ChaosRun.Result result = ChaosRun.run(jar, tmp,
                new ChaosRun.Settings(seed, users, 2, window, 0, true, storageArgs));

        assertThat(result.kills()).hasSize(2);
        assertThat(result.violations()).extracting(Violation::kind)
                .as("seed %d: the checker must report acknowledged messages lost; it found %s", seed, result.summary(10))
                .contains(Kind.LOST_ACKED);
        assertThat(result.outcomes()).extracting(ChaosRun.KillOutcome::lostAcked)
                .as("acknowledged messages lost by each kill").anyMatch(lost -> lost > 0);
    }
}
