package org.qchat.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.qchat.bench.load.Population;
import org.qchat.bench.mosquitto.MosquittoTarget;
import org.qchat.bench.qchat.QchatClientFactory;
import org.qchat.bench.qchat.QchatOnlyWorkloads;
import org.qchat.bench.qchat.StorageScale;
import org.qchat.bench.sut.PostgresPinning;
import org.qchat.bench.sut.QchatTarget;
import org.qchat.bench.sut.Target;
import org.qchat.bench.workload.Launcher;
import org.qchat.bench.workload.Profile;
import org.qchat.bench.workload.WorkloadResult;
import org.qchat.bench.workload.Workloads;

/**
 * Every workload on every system, in one run: qchat on its embedded store (also with
 * {@code --durability power} for W1, and on PostgreSQL for W4) and Mosquitto at QoS 1 and QoS 0,
 * each started fresh for each workload, pinned to the server CPUs; then what qchat's storage costs
 * as it grows (restart time and heap with many stored messages, heap per user and group).
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
     * @param systems the systems to drive; qchat-only workloads (W4, history, backlog, scale, state) run when
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
        if (qchat && selected("W4") && options.postgresUrl() != null) {
            try (PostgresPinning pinning = PostgresPinning.pin(options.serverCpus())) {
                log.printf("%nPostgreSQL %s%n", pinning.pinned()
                        ? "pinned to CPU " + options.serverCpus() + " with the server" : "not pinned (runs on any CPU)");
                Launcher postgres = qchat(options.postgresUrl());
                WorkloadResult w4 = attempt("W4 1:1 on PostgreSQL", postgres.system(),
                        () -> workloads.oneToOne("W4 1:1 on PostgreSQL", postgres));
                results.add(new WorkloadResult(w4.workload(), w4.system(), w4.steps(), w4.knee(), w4.figures(),
                        join(w4.note(), pinning.pinned()
                                ? "PostgreSQL pinned to CPU " + options.serverCpus() + " with the server; CPU/msg includes it"
                                : "PostgreSQL unpinned; CPU/msg includes it")));
            }
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
                Profile.TEXT_SIZE, QchatClientFactory.DEFAULT_ACK_DELAY);
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
        QchatTarget.Settings settings = settings(null, options.serverJvmFlags());
        int messages = options.profile().historyMessages();
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
