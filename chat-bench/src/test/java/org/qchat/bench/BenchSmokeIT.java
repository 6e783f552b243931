package org.qchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qchat.bench.mqtt.MosquittoBroker;
import org.qchat.bench.qchat.StorageScale;
import org.qchat.bench.report.Machine;
import org.qchat.bench.report.Report;
import org.qchat.bench.report.RunRecord;
import org.qchat.bench.sut.ClusterTarget;
import org.qchat.bench.sut.RedisServer;
import org.qchat.bench.testing.Requirements;
import org.qchat.bench.workload.Profile;
import org.qchat.bench.workload.StepResult;
import org.qchat.bench.workload.WorkloadResult;

/**
 * Every workload at a tiny load (the smoke profile) against the packaged server jar, Mosquitto
 * and PostgreSQL, as the published benchmark runs them. It asserts that messages flowed and the
 * report came out — never how fast: timings on a shared CI machine mean nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchSmokeIT {

    private static final String QCHAT = "qchat (embedded)";

    private List<WorkloadResult> results;
    private String report;
    private boolean mosquitto;
    private String postgresUrl;

    @BeforeAll
    void runTheSmokeSuite() throws Exception {
        Path serverJar = Path.of(System.getProperty("qchat.serverJar", "../chat-server/target/qchat-server.jar"));
        assertThat(serverJar).as("the packaged server (mvn package builds it)").exists();
        mosquitto = MosquittoBroker.installed();
        postgresUrl = System.getenv("QCHAT_PG_URL");
        Path runDir = Path.of("target", "bench-smoke");
        Files.createDirectories(runDir);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Suite.Options options = new Suite.Options(Profile.smoke(), runDir, serverJar,
                List.of(BenchMain.DEFAULT_SERVER_JVM_FLAGS.split(" ")),
                List.of(BenchMain.DEFAULT_IDLE_SERVER_JVM_FLAGS.split(" ")), null, postgresUrl,
                mosquitto ? Suite.SystemId.ALL : List.of(Suite.SystemId.QCHAT), List.of());
        try (PrintStream log = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
            results = new Suite(options, log).run();
        } finally {
            System.out.print(progress.toString(StandardCharsets.UTF_8));
        }
        RunRecord run = new RunRecord("smoke", "now", 0, Machine.describe(postgresUrl), null, null, List.of(), List.of(), "test",
                results);
        report = new Report(run, null).render();
        Files.writeString(runDir.resolve("benchmarks.md"), report);
    }

    private Optional<WorkloadResult> result(String workload, String system) {
        return results.stream().filter(r -> r.workload().equals(workload) && r.system().equals(system)).findFirst();
    }

    private void assertEveryStepDeliveredEverything(String workload, String system) {
        WorkloadResult result = result(workload, system).orElseThrow(() -> new AssertionError(workload + " on " + system
                + " did not run"));
        assertThat(result.steps()).as(workload + " on " + system).isNotEmpty();
        for (StepResult step : result.steps()) {
            assertThat(step.sent()).as(workload + " on " + system + " sent").isPositive();
            assertThat(step.delivered()).as(workload + " on " + system + ": " + step.summary())
                    .isEqualTo(step.expected());
            assertThat(step.errors()).as(workload + " on " + system + " errors").isZero();
        }
    }

    private List<String> systems() {
        return mosquitto ? List.of(QCHAT, "Mosquitto QoS 1", "Mosquitto QoS 0") : List.of(QCHAT);
    }

    @Test
    void oneToOneMessagesFlowOnEverySystem() {
        systems().forEach(s -> assertEveryStepDeliveredEverything("W1 1:1", s));
    }

    @Test
    void groupMessagesReachEveryOtherMember() {
        for (int size : Profile.smoke().groupSizes()) {
            systems().forEach(s -> assertEveryStepDeliveredEverything("W2 groups of " + size, s));
        }
    }

    @Test
    void broadcastsReachEveryoneConnected() {
        systems().forEach(s -> assertEveryStepDeliveredEverything("W3 broadcast", s));
    }

    @Test
    void oneToOneRunsWithPowerLossDurability() {
        assertEveryStepDeliveredEverything("W1 1:1", "qchat (embedded, power)");
    }

    @Test
    void storageGrowthIsMeasured() {
        WorkloadResult stored = result(StorageScale.STORED, QCHAT).orElseThrow();
        assertThat(stored.note()).isNull();
        assertThat(stored.figure("messages")).isEqualTo(Profile.smoke().scaleMessages());
        assertThat(stored.figure("start seconds")).isPositive();
        assertThat(stored.figure("heap MiB")).isPositive();
        WorkloadResult state = result(StorageScale.STATE, QCHAT).orElseThrow();
        assertThat(state.note()).isNull();
        assertThat(state.figure("users")).isEqualTo(Profile.smoke().stateUsers());
    }

    @Test
    void oneToOneRunsOnPostgres() {
        Requirements.require(postgresUrl != null, "W4 needs PostgreSQL: set QCHAT_PG_URL");
        assertEveryStepDeliveredEverything("W4 1:1 on PostgreSQL", "qchat (PostgreSQL)");
    }

    @Test
    void oneToOneCrossesTwoClusterNodes() {
        Requirements.require(postgresUrl != null && RedisServer.installed(), "W6 needs PostgreSQL and redis-server");
        assertEveryStepDeliveredEverything("W6 1:1 across 2 nodes", ClusterTarget.systemName(2));
    }

    @Test
    void aKilledNodesUsersAreServedAgainAndNoAcknowledgedMessageIsLost() {
        Requirements.require(postgresUrl != null && RedisServer.installed(), "W7 needs PostgreSQL and redis-server");
        WorkloadResult failover = result("W7 a node killed", ClusterTarget.systemName(2)).orElseThrow();
        // The note tells the setup; what went wrong in the run would be added to it.
        assertThat(failover.note()).doesNotContain("not served again").doesNotContain("not every message")
                .doesNotContain("error replies");
        assertThat(failover.figure("users moved")).isEqualTo(Profile.smoke().pairUsers() / 2);
        assertThat(failover.figure("acked")).isPositive();
        assertThat(failover.figure("all served again s")).isPositive();
        assertThat(failover.figure("messages lost")).isZero();
    }

    @Test
    void mixedTrafficDeliversWhileUsersComeAndGo() {
        WorkloadResult mixed = result("W5 mixed", QCHAT).orElseThrow();
        assertThat(mixed.steps().get(0).delivered()).isEqualTo(mixed.steps().get(0).expected()).isPositive();
        assertThat(mixed.figure("reconnects") + mixed.figure("password logins")).isPositive();
    }

    @Test
    void idleConnectionsAreHeldAndMeasured() {
        for (String system : mosquitto ? List.of(QCHAT, "Mosquitto QoS 1") : List.of(QCHAT)) {
            WorkloadResult idle = result("W0 idle connections", system).orElseThrow();
            assertThat(idle.figure("connections")).as(system).isEqualTo(Profile.smoke().idleConnections());
            assertThat(idle.figure("RSS held MiB")).as(system).isPositive();
        }
    }

    @Test
    void historyPagesAndBacklogCatchUpComplete() {
        WorkloadResult history = result("History page", QCHAT).orElseThrow();
        assertThat(history.figure("pages")).isEqualTo(Profile.smoke().historyRequests());
        WorkloadResult backlog = result("Offline backlog", QCHAT).orElseThrow();
        assertThat(backlog.figure("messages")).isEqualTo(Profile.smoke().backlogMessages());
        assertThat(backlog.note()).isNull();
    }

    @Test
    void filesMoveBothWaysAlongsideOneToOneChatAndAgainstASocketCopy() {
        assertEveryStepDeliveredEverything("W8 files", QCHAT);
        WorkloadResult files = result("W8 files", QCHAT).orElseThrow();
        assertThat(files.note()).isNull();
        assertThat(files.steps()).hasSize(2);
        assertThat(files.figure("file MiB")).isEqualTo(Profile.smoke().fileSize() / (double) (1 << 20));
        for (String figure : List.of("uploads", "downloads", "upload MB/s", "download MB/s", "copy in MB/s",
                "copy out MB/s", "sha256 MB/s")) {
            assertThat(files.figure(figure)).as(figure).isPositive();
        }
    }

    @Test
    void theMosquittoSideRan() {
        Requirements.require(mosquitto, "the side-by-side runs need Mosquitto (apt-get install mosquitto)");
        assertThat(results).extracting(WorkloadResult::system).contains("Mosquitto QoS 1", "Mosquitto QoS 0");
    }

    @Test
    void theReportHasEveryWorkload() {
        assertThat(report).contains("## Targets", "## W1 1:1", "## W3 broadcast", "## W5 mixed",
                "## W0 idle connections", "## History page", "## Offline backlog", "## W8 files", "## " + StorageScale.STORED,
                "## " + StorageScale.STATE);
    }
}
