package org.qchat.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.qchat.bench.load.Population;
import org.qchat.bench.mosquitto.MosquittoTarget;
import org.qchat.bench.qchat.FileWorkload;
import org.qchat.bench.qchat.QchatClientFactory;
import org.qchat.bench.qchat.NodeFailover;
import org.qchat.bench.qchat.QchatOnlyWorkloads;
import org.qchat.bench.qchat.StorageScale;
import org.qchat.bench.sut.ClusterTarget;
import org.qchat.bench.sut.PostgresPinning;
import org.qchat.bench.sut.QchatTarget;
import org.qchat.bench.sut.RedisServer;
import org.qchat.bench.sut.Target;
import org.qchat.bench.workload.Launcher;
import org.qchat.bench.workload.Profile;
import org.qchat.bench.workload.WorkloadResult;
import org.qchat.bench.workload.Workloads;

/**
 * Every workload on every system, in one run: qchat on its embedded store (also with
 * {@code --durability power} for W1, on PostgreSQL for W4, and as a two-node cluster on PostgreSQL
 * and Redis for W6 and W7) and Mosquitto at QoS 1 and QoS 0,
 * each started fresh for each workload, pinned to the server CPUs; then qchat alone: history,
 * backlog, files moving while W1 chats (W8), and what its storage costs as it grows (restart time
 * and heap with many stored messages, heap per user and group).
 */
public final class Suite {

    /** The systems a run can drive, by the name {@code --systems} takes. */
    public enum SystemId {
        QCHAT("qchat"), MOSQUITTO_QOS1("mosquitto-qos1"), MOSQUITTO_QOS0("mosquitto-qos0");

        public static final List<SystemId> ALL = List.of(values());

        private final String option;

        SystemId(String option) {
            this.option = option;
        }

        public static SystemId of(String option) {
            for (SystemId id : values()) {
                if (id.option.equals(option)) {
                    return id;
                }
            }
            throw new IllegalArgumentException("unknown system '" + option + "'; expected qchat, mosquitto-qos1 or mosquitto-qos0");
        }

        @Override
        public String toString() {
            return option;
        }
    }

    /**
     * What to run and where.
     *
     * @param systems the systems to drive; qchat-only workloads (W4, W6, W7, W8, history, backlog, scale, state) run when
     *                qchat is among them
     * @param only    the workloads to run; empty for all
     */
    public record Options(Profile profile, Path runDir, Path serverJar, List<String> serverJvmFlags,
                          List<String> idleServerJvmFlags, String serverCpus,
                          String postgresUrl, List<SystemId> systems, List<String> only) {
    }

    private final Options options;
    private final PrintStream log;
    private final Workloads workloads;
    private final QchatOnlyWorkloads qchatOnly;

    public Suite(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
        this.workloads = new Workloads(options.profile(), log);
        this.qchatOnly = new QchatOnlyWorkloads(options.profile(), log);
    }

    public List<WorkloadResult> run() {
        List<WorkloadResult> results = new ArrayList<>();
        List<Launcher> systems = new ArrayList<>();
        boolean qchat = options.systems().contains(SystemId.QCHAT);
        if (qchat) {
            systems.add(qchat(null));
        }
        Launcher qos1 = options.systems().contains(SystemId.MOSQUITTO_QOS1) ? mosquitto(1) : null;
        Launcher qos0 = options.systems().contains(SystemId.MOSQUITTO_QOS0) ? mosquitto(0) : null;
        if (qos1 != null) {
            systems.add(qos1);
        }
        if (qos0 != null) {
            systems.add(qos0);
        }
        if (selected("W1")) {
            for (Launcher system : systems) {
                results.add(attempt("W1 1:1", system.system(), () -> workloads.oneToOne("W1 1:1", system)));
            }
        }
        if (qchat && selected("W1-power")) {
            // W1 again with every group commit synced to disk: what power-loss durability costs.
            Launcher power = launcher(settings(null, options.serverJvmFlags(), "power"));
            results.add(attempt("W1 1:1", power.system(), () -> workloads.oneToOne("W1 1:1", power)));
        }
        for (int size : options.profile().groupSizes()) {
            if (selected("W2")) {
                for (Launcher system : systems) {
                    results.add(attempt("W2 groups of " + size, system.system(),
                            () -> workloads.groups("W2 groups of " + size, system, size)));
                }
            }
        }
        if (selected("W3")) {
            for (Launcher system : systems) {
                results.add(attempt("W3 broadcast", system.system(), () -> workloads.broadcast("W3 broadcast", system)));
            }
        }
        if (qchat && (selected("W4") || selected("W6") || selected("W7"))) {
            onPostgres(results);
        }
        // W5 and W0 have no QoS 0 run: churn and idle connections do not depend on the QoS.
        if (selected("W5")) {
            if (qchat) {
                Launcher system = systems.get(0);
                results.add(attempt("W5 mixed", system.system(), () -> workloads.mixed("W5 mixed", system)));
            }
            if (qos1 != null) {
                results.add(attempt("W5 mixed", qos1.system(), () -> workloads.mixed("W5 mixed", qos1)));
            }
        }
        if (selected("W0")) {
            if (qchat) {
                Launcher idleQchat = qchat(null, options.idleServerJvmFlags());
                results.add(attempt("W0 idle connections", idleQchat.system(),
                        () -> workloads.idle("W0 idle connections", idleQchat)));
            }
            if (qos1 != null) {
                results.add(attempt("W0 idle connections", qos1.system(), () -> workloads.idle("W0 idle connections", qos1)));
            }
        }
        QchatOnlyWorkloads.QchatLauncher withHistory = qchatWithHistory();
        if (qchat && selected("history")) {
            results.add(attempt("History page", withHistory.system(), () -> qchatOnly.history("History page", withHistory)));
        }
        if (qchat && selected("backlog")) {
            results.add(attempt("Offline backlog", withHistory.system(), () -> qchatOnly.backlog("Offline backlog", withHistory)));
        }
        if (qchat && selected("W8")) {
            QchatOnlyWorkloads.QchatLauncher files = qchatLauncher(
                    settings(null, options.serverJvmFlags()).withOptions(FileWorkload.serverOptions(options.profile())), 0);
            FileWorkload w8 = new FileWorkload(options.profile(), options.runDir(), options.serverCpus(), log);
            results.add(attempt(W8, files.system(), () -> w8.run(W8, files)));
        }
        StorageScale scale = new StorageScale(options.profile(), options.serverJar(), options.runDir(),
                options.serverCpus(), log);
        if (qchat && selected("scale")) {
            results.add(attempt(StorageScale.STORED, "qchat (embedded)", () -> scale.stored(StorageScale.STORED)));
        }
        if (qchat && selected("state")) {
            results.add(attempt(StorageScale.STATE, "qchat (embedded)", () -> scale.state(StorageScale.STATE)));
        }
        return results;
    }

    /**
     * W4, then W6 and W7 on a cluster of two nodes, each with PostgreSQL pinned to the server CPUs
     * (and Redis, and both nodes): W6's knee is compared with W4's of the same run, and W7 runs at
     * half of W4's knee (no more than W6's).
     */
    private void onPostgres(List<WorkloadResult> results) {
        if (options.postgresUrl() == null) {
            log.printf("%nNo PostgreSQL (--postgres-url): W4, W6 and W7 are skipped%n");
            return;
        }
        try (PostgresPinning pinning = PostgresPinning.pin(options.serverCpus())) {
            log.printf("%nPostgreSQL %s%n", pinning.pinned()
                    ? "pinned to CPU " + options.serverCpus() + " with the server" : "not pinned (runs on any CPU)");
            String pinned = pinning.pinned()
                    ? "PostgreSQL pinned to CPU " + options.serverCpus() + " with the server" : "PostgreSQL unpinned";
            WorkloadResult w4 = null;
            if (selected("W4")) {
                Launcher postgres = qchat(options.postgresUrl());
                w4 = attempt(W4, postgres.system(), () -> workloads.oneToOne(W4, postgres));
                results.add(withNote(w4, pinned + "; CPU/msg includes it"));
            }
            if (!selected("W6") && !selected("W7")) {
                return;
            }
            if (!RedisServer.installed()) {
                log.printf("%nredis-server is not installed: W6 and W7 are skipped%n");
                return;
            }
            QchatTarget.Settings settings = settings(options.postgresUrl(), options.serverJvmFlags());
            String together = options.serverCpus() == null ? "both nodes, Redis and PostgreSQL on any CPU"
                    : pinning.pinned() ? "both nodes, Redis and PostgreSQL pinned to CPU " + options.serverCpus()
                    : "both nodes and Redis pinned to CPU " + options.serverCpus() + ", PostgreSQL unpinned";
            WorkloadResult w6 = null;
            if (selected("W6")) {
                Launcher cluster = cluster(settings);
                w6 = attempt(W6, cluster.system(), () -> workloads.oneToOne(W6, cluster));
                results.add(withNote(w6, together + "; CPU/msg includes all four"));
            }
            if (selected("W7")) {
                double rate = failoverRate(w4, w6);
                NodeFailover.ClusterLauncher cluster = new NodeFailover.ClusterLauncher() {
                    @Override
                    public String system() {
                        return ClusterTarget.systemName(2);
                    }

                    @Override
                    public ClusterTarget launch(Population population, String label) throws IOException {
                        return ClusterTarget.start(settings, 2, population, options.runDir(), label);
                    }
                };
                String from = w4 != null && w4.knee() != null ? "msg/s: half of W4's knee" + (w6 != null && w6.knee() != null
                        && rate == w6.knee().offered() ? ", capped at W6's" : "") : "msg/s: the profile's (no W4 knee in this run)";
                results.add(withNote(attempt(W7, cluster.system(),
                        () -> new NodeFailover(options.profile(), log).run(W7, cluster, rate)), together + "; " + from));
            }
        }
    }

    static final String W4 = "W4 1:1 on PostgreSQL";
    static final String W6 = "W6 1:1 across 2 nodes";
    static final String W7 = "W7 a node killed";
    static final String W8 = "W8 files";

    /**
     * W7's steady rate: half of W4's knee, where the cluster should have room to take the killed
     * node's users, but no more than W6's knee; the profile's rate when neither was measured.
     */
    private double failoverRate(WorkloadResult w4, WorkloadResult w6) {
        double rate = w4 != null && w4.knee() != null ? w4.knee().offered() / 2 : options.profile().failoverRate();
        if (w6 != null && w6.knee() != null) {
            rate = Math.min(rate, w6.knee().offered());
        }
        return rate;
    }

    private static WorkloadResult withNote(WorkloadResult r, String note) {
        return new WorkloadResult(r.workload(), r.system(), r.steps(), r.knee(), r.figures(), join(r.note(), note));
    }

    private Launcher cluster(QchatTarget.Settings settings) {
        return new Launcher() {
            @Override
            public String system() {
                return ClusterTarget.systemName(2);
            }

            @Override
            public Target launch(Population population, String label) throws IOException {
                return ClusterTarget.start(settings, 2, population, options.runDir(), label);
            }

            @Override
            public boolean jit() {
                return true;
            }
        };
    }

    /** What a workload measures; it may fail. */
    private interface Work {
        WorkloadResult run() throws IOException, TimeoutException;
    }

    /** Runs one workload; a failure is recorded in the results (and the log), and the run goes on. */
    private WorkloadResult attempt(String workload, String system, Work work) {
        try {
            return work.run();
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.printf("   FAILED: %s%n", e);
            return WorkloadResult.ofFigures(workload, system, java.util.Map.of(), "failed: " + e.getMessage());
        }
    }

    private boolean selected(String workload) {
        return options.only().isEmpty() || options.only().contains(workload);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private QchatTarget.Settings settings(String postgresUrl, List<String> jvmFlags) {
        return settings(postgresUrl, jvmFlags, null);
    }

    private QchatTarget.Settings settings(String postgresUrl, List<String> jvmFlags, String durability) {
        return new QchatTarget.Settings(options.serverJar(), jvmFlags, options.serverCpus(), postgresUrl, durability,
                Profile.TEXT_SIZE, QchatClientFactory.DEFAULT_ACK_DELAY, List.of());
    }

    private Launcher qchat(String postgresUrl) {
        return qchat(postgresUrl, options.serverJvmFlags());
    }

    private Launcher qchat(String postgresUrl, List<String> jvmFlags) {
        return launcher(settings(postgresUrl, jvmFlags));
    }

    private Launcher launcher(QchatTarget.Settings settings) {
        return new Launcher() {
            @Override
            public String system() {
                return settings.systemName();
            }

            @Override
            public Target launch(Population population, String label) throws IOException {
                return QchatTarget.start(settings, population, options.runDir(), label, 0);
            }

            @Override
            public boolean jit() {
                return true;
            }
        };
    }

    private QchatOnlyWorkloads.QchatLauncher qchatWithHistory() {
        return qchatLauncher(settings(null, options.serverJvmFlags()), options.profile().historyMessages());
    }

    /** Starts qchat with {@code settings}, and {@code messages} messages of history where a workload asks for it. */
    private QchatOnlyWorkloads.QchatLauncher qchatLauncher(QchatTarget.Settings settings, int messages) {
        return new QchatOnlyWorkloads.QchatLauncher() {
            @Override
            public String system() {
                return settings.systemName();
            }

            @Override
            public QchatTarget launch(Population population, String label, boolean withHistory) throws IOException {
                return QchatTarget.start(settings, population, options.runDir(), label, withHistory ? messages : 0);
            }
        };
    }

    private Launcher mosquitto(int qos) {
        return new Launcher() {
            @Override
            public String system() {
                return "Mosquitto QoS " + qos;
            }

            @Override
            public Target launch(Population population, String label) throws IOException {
                return MosquittoTarget.start(population, qos, options.serverCpus(), Profile.TEXT_SIZE);
            }
        };
    }
}
