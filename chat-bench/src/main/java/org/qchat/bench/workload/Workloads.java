package org.qchat.bench.workload;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.qchat.bench.load.BenchClient;
import org.qchat.bench.load.EventLoop;
import org.qchat.bench.load.Population;
import org.qchat.bench.sut.Target;

/**
 * The workloads that every system runs the same way: W1 (1:1), W2 (groups), W3 (broadcast) as a
 * ladder of rates until the objective breaks, W0 (idle connections) and W5 (mixed).
 */
public final class Workloads {

    private final Profile profile;
    private final PrintStream log;

    public Workloads(Profile profile, PrintStream log) {
        this.profile = profile;
        this.log = log;
    }

    /** W1 / W4: 1:1 chat between fixed pairs, every user sending to its partner. */
    public WorkloadResult oneToOne(String workload, Launcher launcher) throws IOException, TimeoutException {
        Population population = new Population(profile.pairUsers(), true, 0);
        return ladder(workload, launcher, population, allUsers(population), BenchClient::sendDirect, 1,
                profile.rates1to1(), 1);
    }

    /** W2: group chat, every member sending to its group; rates are deliveries per second. */
    public WorkloadResult groups(String workload, Launcher launcher, int groupSize) throws IOException, TimeoutException {
        Population population = new Population(profile.groupUsers(), false, groupSize);
        return ladder(workload, launcher, population, allUsers(population), BenchClient::sendGroup, groupSize - 1,
                profile.groupDeliveries(), groupSize - 1);
    }

    /** W3: one user (the admin) announcing to everyone connected; rates are broadcasts per second. */
    public WorkloadResult broadcast(String workload, Launcher launcher) throws IOException, TimeoutException {
        Population population = new Population(profile.broadcastUsers(), false, 0);
        return ladder(workload, launcher, population, new int[] {0}, BenchClient::sendBroadcast,
                population.users() - 1, profile.broadcasts(), 1);
    }

    private WorkloadResult ladder(String workload, Launcher launcher, Population population, int[] senders,
                                  Measurement.Send send, int fanout, double[] rates, int ratesPerSend)
            throws IOException, TimeoutException {
        log.printf("%n== %s on %s: %d users%n", workload, launcher.system(), population.users());
        try (Target target = launcher.launch(population, label(workload));
             EventLoop loop = new EventLoop("bench-" + workload)) {
            Fleet fleet = new Fleet(loop, target.clients(), population.users());
            Duration took = fleet.connect(u -> true, Fleet.DEFAULT_IN_FLIGHT, Duration.ofMinutes(3));
            log.printf("   %d users logged in in %d ms%n", population.users(), took.toMillis());
            Measurement measurement = new Measurement(loop, fleet, target, profile.grace());
            // Long enough at a moderate rate for the JIT to compile the hot path (on the server's one
            // core, compiling competes with serving); the same for every system.
            double warmRate = rates[Math.min(2, rates.length - 1)] / ratesPerSend;
            StepResult warm = measurement.step(warmRate, launcher.jit() ? profile.jvmWarmup() : profile.warmup(), senders,
                    send, fanout);
            log.printf("   warm-up: %s%n", warm.summary());
            List<StepResult> steps = new ArrayList<>();
            StepResult knee = null;
            StepResult broken = null;
            String note = null;
            for (double rate : rates) {
                StepResult step = measurement.step(rate / ratesPerSend, profile.step(), senders, send, fanout);
                steps.add(step);
                log.printf("   %s%n", step.summary());
                if (step.meets(Profile.P99_LIMIT_MILLIS, Profile.MIN_DELIVERY_RATIO)) {
                    knee = step;
                    broken = null;
                    if (rate == rates[rates.length - 1]) {
                        note = "kept the objective at the highest rate offered";
                    }
                    continue;
                }
                if (!step.valid()) {
                    note = stopNote(broken, step);
                    break;
                }
                if (step.errors() > 0) {
                    note = "stopped: errors (" + fleet.firstError() + ")";
                    break;
                }
                // One step over the objective may be a hiccup (a GC, the machine); two in a row end the ladder.
                if (broken != null) {
                    break;
                }
                broken = step;
            }
            fleet.closeAll();
            return WorkloadResult.ofSteps(workload, launcher.system(), steps, knee, note);
        }
    }

    /**
     * Why a ladder ended at {@code invalid}, a step the generator may have limited. If a valid step
     * had just broken the objective, the server reached its own limit first and the knee is its
     * own; the note says so, and not only that the generator stopped the ladder.
     */
    static String stopNote(StepResult broken, StepResult invalid) {
        if (broken == null) {
            return "stopped: " + invalid.invalid();
        }
        return String.format("broke the objective at %,.0f/s (p99 %.1f ms, generator %.0f%%); then stopped: %s",
                broken.offered(), broken.p99(), 100 * broken.generatorCpu(), invalid.invalid());
    }

    /**
     * W0: as many logged-in idle connections as the file limit allows; the server's memory per
     * connection (RSS after a full GC, before and after), and how fast they logged in.
     */
    public WorkloadResult idle(String workload, Launcher launcher) throws IOException, TimeoutException {
        int n = Math.min(profile.idleConnections(), openFileLimit() - 500);
        Population population = new Population(Math.max(2, n), false, 0);
        log.printf("%n== %s on %s: %d idle connections%n", workload, launcher.system(), n);
        try (Target target = launcher.launch(population, label(workload));
             EventLoop loop = new EventLoop("bench-" + workload)) {
            target.settleMemory();
            long before = target.rssBytes();
            Fleet fleet = new Fleet(loop, target.clients(), population.users());
            Duration took = fleet.connect(u -> true, Fleet.DEFAULT_IN_FLIGHT, Duration.ofMinutes(10));
            loop.call(() -> {
                for (int u = 0; u < n; u++) {
                    fleet.client(u).heartbeat();
                }
                return null;
            });
            waitFor(profile.idleHold());
            int held = loop.call(fleet::readyCount);
            target.settleMemory();
            long after = target.rssBytes();
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("connections", (double) held);
            figures.put("logins/s", n / (took.toNanos() / 1e9));
            figures.put("login p99 ms", loop.call(() -> fleet.loginLatency().percentileMillis(99)));
            figures.put("login retries", (double) loop.call(fleet::loginRetries));
            figures.put("RSS idle MiB", before / 1048576.0);
            figures.put("RSS held MiB", after / 1048576.0);
            figures.put("bytes/connection", (after - before) / (double) n);
            log.printf("   %s%n", figures);
            fleet.closeAll();
            String note = held < n ? (n - held) + " connections dropped while held" : null;
            return WorkloadResult.ofFigures(workload, launcher.system(), figures, note);
        }
    }

    /**
     * W5: mostly idle users, some chatting in pairs at a fixed rate, while others keep logging out
     * and back in (session resume) — the chat latency under that churn.
     */
    public WorkloadResult mixed(String workload, Launcher launcher)
            throws IOException, TimeoutException {
        Population population = new Population(profile.mixedUsers(), true, 0);
        int chatters = profile.mixedChatters();
        log.printf("%n== %s on %s: %d users, %d chatting at %.0f msg/s, %.0f reconnects/s, %.0f password logins/s%n",
                workload, launcher.system(), population.users(), chatters, profile.mixedRate(),
                profile.mixedReconnectsPerSecond(), profile.mixedPasswordLoginsPerSecond());
        try (Target target = launcher.launch(population, label(workload));
             EventLoop loop = new EventLoop("bench-" + workload)) {
            Fleet fleet = new Fleet(loop, target.clients(), population.users());
            fleet.connect(u -> true, Fleet.DEFAULT_IN_FLIGHT, Duration.ofMinutes(3));
            Measurement measurement = new Measurement(loop, fleet, target, profile.grace());
            int[] senders = IntStream.range(0, chatters).toArray();
            measurement.step(profile.mixedRate(), launcher.jit() ? profile.jvmWarmup() : profile.warmup(), senders,
                    BenchClient::sendDirect, 1);
            Churn churn = new Churn(fleet, target, chatters, population.users(), profile);
            loop.execute(() -> churn.start(loop));
            StepResult step = measurement.step(profile.mixedRate(), profile.mixedDuration(), senders,
                    BenchClient::sendDirect, 1);
            Churn.Counts counts = loop.call(churn::stop);
            log.printf("   %s%n   churn: %s%n", step.summary(), counts);
            fleet.closeAll();
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("reconnects", (double) counts.reconnects());
            figures.put("password logins", (double) counts.passwordLogins());
            figures.put("login p99 ms", counts.loginP99Millis());
            return new WorkloadResult(workload, launcher.system(), List.of(step),
                    step.meets(Profile.P99_LIMIT_MILLIS, Profile.MIN_DELIVERY_RATIO) ? step : null, figures, null);
        }
    }

    static int[] allUsers(Population population) {
        return IntStream.range(0, population.users()).toArray();
    }

    static String label(String workload) {
        return workload.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** The generator's own open-file limit: every connection is a file descriptor here too. */
    static int openFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return Integer.parseInt(line.trim().split("\\s+")[3]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 1024;
        }
        return 1024;
    }

    static void waitFor(Duration d) {
        try {
            // Holding connections idle for a set time is the measurement itself.
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
