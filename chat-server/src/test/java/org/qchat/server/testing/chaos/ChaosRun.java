package org.qchat.server.testing.chaos;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.testing.ServerProcess;
import org.qchat.server.testing.chaos.ChaosUser.Outgoing;
import org.qchat.server.testing.chaos.DeliveryChecker.Violation;

/**
 * The crash scenario of issue #4. Users chat in private pairs (a ring of friendships) and in one
 * group, pipelining their sends, while a server process — the shaded jar on its embedded H2
 * database or on PostgreSQL, or one node of a cluster — is killed with SIGKILL again and again,
 * each time with many messages unacknowledged in flight, and started again ({@link ChaosServers}).
 * The killed server's users reconnect (to another node, in a cluster), resync and resend their
 * outboxes; after the last restart nobody sends anything new, every outbox is drained, every device
 * resyncs once more, and {@link DeliveryChecker} judges what the senders were told against what
 * is stored and what every member holds.
 *
 * <p>All random choices (conversation, text length, when each kill lands) come from one seed, which
 * is printed. Thread timing still differs from run to run, so a seed reproduces the choices, not
 * the interleaving.
 */
public final class ChaosRun {

    /** Limits are raised out of the way: only crashes are under test here. */
    /**
     * The final check reads every conversation through each member's own connection, one member
     * after another; a member waiting for its turn sends nothing, and after a run that stored many
     * messages that wait can pass the default 90 s idle timeout. Idle closes are tested elsewhere.
     */
    static final List<String> SERVER_ARGS = List.of(
            "--metrics-port", "-1", "--idle-timeout", "900",
            "--request-rate", "1000000", "--request-burst", "1000000",
            "--registrations-per-hour", "1000000", "--login-free-failures", "1000000");
    private static final String ACK_BEFORE_COMMIT = "--test-only-ack-before-commit";
    private static final Duration PHASE_TIMEOUT = ChaosCrowd.PHASE_TIMEOUT;
    private static final String TAG = "[qchat-chaos] ";

    /**
     * @param users             simulated users, one device each (at least 2)
     * @param kills             SIGKILLs; the run has {@code kills + 1} server lifetimes
     * @param window            most unanswered {@code msg.send} per user
     * @param minInFlightAtKill the kill waits until the users' own count of unanswered sends is well
     *                          above this; 0 kills as soon as traffic flows (used against the
     *                          ack-before-commit server, whose acks come at once)
     * @param storageArgs       server options choosing the storage (e.g. {@code --db-url}), empty
     *                          for the embedded store in the run's data dir
     */
    public record Settings(long seed, int users, int kills, int window, int minInFlightAtKill,
                           boolean ackBeforeCommit, List<String> storageArgs) {
        public Settings {
            if (users < 2 || kills < 1 || window < 1 || minInFlightAtKill < 0) {
                throw new IllegalArgumentException("need at least 2 users, 1 kill, a window of 1");
            }
            if (users * window < 2 * minInFlightAtKill) {
                throw new IllegalArgumentException(users + " users x window " + window + " cannot keep "
                        + minInFlightAtKill + " messages in flight with a margin");
            }
        }

        /** What the live count of unanswered sends of the {@code atRisk} users of the server to kill must reach. */
        int killTrigger(int atRisk) {
            return minInFlightAtKill == 0 ? 0 : Math.max(2 * minInFlightAtKill, atRisk * window / 2);
        }

        /** Acks since the restart before a kill: traffic is flowing, not just starting. */
        int minAckedBeforeKill() {
            return users * window;
        }
    }

    /**
     * What the users' bookkeeping said about one kill, right after it.
     *
     * @param inFlight         messages written before the kill that never got a reply (counted after the
     *                         kill from the users' bookkeeping: all of them, not a sample)
     * @param inFlightObserved the users' live count when the kill was decided (replies read but not yet
     *                         processed still count there)
     */
    public record Kill(int number, String victim, long wallMillis, long trafficMillis, long startMillis, int inFlight,
                       int inFlightObserved, int ackedSinceRestart) {
        @Override
        public String toString() {
            return String.format("kill %d: SIGKILL of %s after %d ms of traffic (the last restart took %d ms); %d "
                            + "messages in flight unacknowledged (%d by the live count of its users); %d acknowledged "
                            + "since the restart", number, victim, trafficMillis, startMillis, inFlight,
                    inFlightObserved, ackedSinceRestart);
        }
    }

    /**
     * What became of one kill's messages by the end of the run.
     *
     * @param committedBeforeKill in-flight messages the server had committed before dying: their resend
     *                            got the original ack back (its commit time is before the kill)
     * @param storedByResend      in-flight messages the kill caught before their commit, stored by a resend
     * @param lostAcked           messages acknowledged in the server lifetime this kill ended that are not
     *                            stored at the end (0 unless the server acks before committing)
     */
    public record KillOutcome(int number, int inFlight, int committedBeforeKill, int storedByResend, int lostAcked) {
        @Override
        public String toString() {
            int unknown = inFlight - committedBeforeKill - storedByResend;
            return String.format("kill %d: of %d in flight, %d had been committed (the resend got the original ack), "
                            + "%d were stored by the resend%s; %d acknowledged messages lost",
                    number, inFlight, committedBeforeKill, storedByResend,
                    unknown == 0 ? "" : ", " + unknown + " got no ack with a commit time", lostAcked);
        }
    }

    /**
     * @param resent                     messages written again after a kill left them without an ack
     * @param lostAckedAfterLastRestart  acknowledged after the last restart but not stored when the run
     *                                   checked (0 unless the server acks before committing)
     */
    public record Result(List<Violation> violations, List<Kill> kills, List<KillOutcome> outcomes, int sent,
                         int stored, int resent, int lostAckedAfterLastRestart, Duration took) {

        /** The count of each kind of violation and the first {@code n}, for assertion messages. */
        public String summary(int n) {
            Map<DeliveryChecker.Kind, Long> byKind = violations.stream()
                    .collect(Collectors.groupingBy(Violation::kind, TreeMap::new, Collectors.counting()));
            return violations.size() + " violations " + byKind + (violations.isEmpty() ? "" : ", first:\n  "
                    + violations.stream().limit(n).map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    private final ChaosServers servers;
    private final Settings settings;
    private final SplittableRandom random;
    private final ChaosCrowd crowd;

    private ChaosRun(ChaosServers servers, Settings settings) {
        this.servers = servers;
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.crowd = new ChaosCrowd(settings.users(), settings.window(), random);
    }

    /** Runs the whole scenario against one server with its database under {@code workDir}; prints its progress. */
    public static Result run(Path jar, Path workDir, Settings settings) {
        return run(ChaosServers.single(jar, workDir.resolve("data"), serverArgs(settings)), settings);
    }

    /**
     * Runs the whole scenario against a cluster of {@code nodes} nodes (a PostgreSQL schema and a
     * Redis of its own; {@code storageArgs} unused), user {@code i} on node {@code i % nodes}: each
     * kill takes down the node of some users, who fail over to the next live node; the node is
     * started again while they chat there, and they move back to it at the next phase.
     */
    public static Result runOnCluster(Path workDir, int nodes, Settings settings) {
        if (settings.users() / nodes * settings.window() < 2 * settings.minInFlightAtKill()) {
            throw new IllegalArgumentException(settings.users() / nodes + " users per node x window "
                    + settings.window() + " cannot keep " + settings.minInFlightAtKill() + " messages in flight at a node");
        }
        return run(ChaosServers.cluster(workDir, nodes, serverArgs(settings)), settings);
    }

    private static Result run(ChaosServers servers, Settings settings) {
        System.out.printf("%sseed=%d users=%d kills=%d window=%d ackBeforeCommit=%s "
                        + "(repeat the random choices with -Dqchat.chaos.seed=%d)%n", TAG, settings.seed(),
                settings.users(), settings.kills(), settings.window(), settings.ackBeforeCommit(), settings.seed());
        ChaosRun run = new ChaosRun(servers, settings);
        try (servers; run.crowd) {
            return run.execute();
        }
    }

    private static List<String> serverArgs(Settings settings) {
        List<String> args = new ArrayList<>(SERVER_ARGS);
        args.addAll(settings.storageArgs());
        if (settings.ackBeforeCommit()) {
            args.add(ACK_BEFORE_COMMIT);
        }
        return args;
    }

    private Result execute() {
        long started = System.nanoTime();
        List<Kill> kills = new ArrayList<>();
        servers.start();
        long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        crowd.setUp(servers);
        for (int number = 0; ; number++) {
            boolean last = number == settings.kills();
            ChaosPhase phase = new ChaosPhase(number, !last, crowd.users.size());
            if (number > 0 && !servers.failsOver()) {
                startMillis = restore();
            }
            List<Future<?>> running = crowd.startPhase(phase, servers);
            if (number > 0 && servers.failsOver()) {
                // The killed node comes back while its users, failed over, chat on the others (in the
                // last phase they may be done already: awaitPhase reports how they ended).
                awaitPumping(phase, running, !last);
                startMillis = restore();
            }
            if (last) {
                ChaosCrowd.awaitPhase(running, servers);
                return finish(kills, started);
            }
            Kill kill = trafficThenKill(phase, running, startMillis);
            kills.add(kill);
            System.out.println(TAG + kill);
        }
    }

    private long restore() {
        long t = System.nanoTime();
        servers.restore();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
    }

    private void awaitPumping(ChaosPhase phase, List<Future<?>> running, boolean failIfAnyEnded) {
        await("all users resynced and sending").atMost(PHASE_TIMEOUT).pollInterval(Duration.ofMillis(10))
                .until(() -> phase.pumping.getCount() == 0 || ChaosCrowd.anyEnded(running));
        if (failIfAnyEnded) {
            ChaosCrowd.failIfAnyEnded(running, servers, "before the kill");
        }
    }

    /**
     * Lets traffic run for a random while, then kills a server its users use — at random among
     * them — once the live count of unanswered sends of that server's users is above the trigger, and
     * counts exactly what was in flight.
     */
    private Kill trafficThenKill(ChaosPhase phase, List<Future<?>> running, long startMillis) {
        awaitPumping(phase, running, true);
        long trafficStart = System.nanoTime();
        List<ServerProcess> serving = crowd.users.stream().map(ChaosUser::server).distinct().toList();
        ServerProcess victim = serving.size() == 1 ? serving.get(0) : serving.get(random.nextInt(serving.size()));
        Predicate<ChaosUser> atRisk = u -> u.server() == victim;
        int trigger = settings.killTrigger((int) crowd.users.stream().filter(atRisk).count());
        // Pacing, not waiting for a result: each kill lands at a different, seeded point of a phase.
        Duration traffic = Duration.ofMillis(300 + random.nextInt(1200));
        await("enough messages in flight to kill").pollDelay(traffic).pollInterval(Duration.ofMillis(2))
                .atMost(traffic.plus(PHASE_TIMEOUT))
                .until(() -> ChaosCrowd.anyEnded(running) || (crowd.inFlight(atRisk) >= trigger
                        && crowd.ackedThisPhase() >= settings.minAckedBeforeKill()));
        ChaosCrowd.failIfAnyEnded(running, servers, "before the kill");
        if (settings.minInFlightAtKill() > 0) {
            // A server that answers as fast as the users send has few sends unanswered at any instant
            // (the live count above also holds replies read but not yet handled). Frozen at this
            // random point, it answers nothing more while the users fill their windows, so the kill
            // finds the server's state of this instant and many sends in flight.
            victim.freeze();
            await("users' windows filled against the frozen server").pollInterval(Duration.ofMillis(2))
                    .atMost(PHASE_TIMEOUT)
                    .until(() -> ChaosCrowd.anyEnded(running) || crowd.inFlight(atRisk) >= trigger);
            ChaosCrowd.failIfAnyEnded(running, servers, "before the kill");
        }
        int observed = crowd.inFlight(atRisk);
        int acked = crowd.ackedThisPhase();
        phase.killing(victim);
        long wallMillis = System.currentTimeMillis();
        long killNanos = System.nanoTime();
        servers.kill(victim);
        long trafficMillis = TimeUnit.NANOSECONDS.toMillis(killNanos - trafficStart);
        ChaosCrowd.awaitPhase(running, servers);
        int number = phase.number + 1;
        int inFlight = crowd.users.stream().mapToInt(u -> u.markInFlight(phase.number, killNanos, number)).sum();
        return new Kill(number, servers.name(victim), wallMillis, trafficMillis, startMillis, inFlight, observed, acked);
    }

    /** After the last restart: every outbox is empty; resync every device, read what is stored, judge. */
    private Result finish(List<Kill> kills, long started) {
        for (ChaosUser user : crowd.users) {
            user.finalResync();
        }
        List<DeliveryChecker.Conversation> conversations = crowd.stored();
        List<DeliveryChecker.Sent> sent = crowd.sent();
        List<Violation> violations = crowd.check(conversations);

        Set<String> storedKeys = new HashSet<>();
        int stored = 0;
        for (DeliveryChecker.Conversation conv : conversations) {
            stored += conv.stored().size();
            for (MessageInfo m : conv.stored()) {
                storedKeys.add(m.senderId() + "/" + m.clientMsgId());
            }
        }
        int[] committedBeforeKill = new int[kills.size() + 1];
        int[] storedByResend = new int[kills.size() + 1];
        int[] lostAcked = new int[kills.size() + 1];
        int resent = 0;
        for (ChaosUser user : crowd.users) {
            for (Outgoing o : user.created) {
                resent += o.resent() ? 1 : 0;
                long commitTime = o.acks.isEmpty() ? 0 : o.acks.get(0).time();
                for (int kill : o.inFlightAtKills) {
                    if (commitTime > 0 && commitTime < kills.get(kill - 1).wallMillis()) {
                        committedBeforeKill[kill - 1]++;
                    } else if (commitTime > 0) {
                        storedByResend[kill - 1]++;
                    }
                }
                if (!o.acks.isEmpty() && !storedKeys.contains(user.userId() + "/" + o.clientMsgId)) {
                    lostAcked[o.ackPhase]++;
                }
            }
        }
        List<KillOutcome> outcomes = new ArrayList<>();
        for (Kill kill : kills) {
            int i = kill.number() - 1;
            outcomes.add(new KillOutcome(kill.number(), kill.inFlight(), committedBeforeKill[i], storedByResend[i],
                    lostAcked[i]));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Result result = new Result(violations, kills, outcomes, sent.size(), stored, resent, lostAcked[kills.size()],
                took);
        outcomes.forEach(o -> System.out.println(TAG + o));
        System.out.printf("%sdone in %.1f s: %d messages sent, %d stored in %d conversations, %d resent after a kill "
                        + "left them unacknowledged; %d acknowledged after the last restart but not stored; "
                        + "unexpected disconnects %d, retryable errors %d%n",
                TAG, took.toMillis() / 1000.0, result.sent(), stored, conversations.size(), resent,
                result.lostAckedAfterLastRestart(), crowd.unexpectedDisconnects(), crowd.retryableErrors());
        System.out.println(TAG + result.summary(10));
        return result;
    }
}
