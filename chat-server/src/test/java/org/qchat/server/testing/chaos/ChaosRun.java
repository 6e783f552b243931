package org.qchat.server.testing.chaos;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.JoinGroup;
import org.qchat.server.testing.Scenarios;
import org.qchat.server.testing.ServerProcess;
import org.qchat.server.testing.chaos.ChaosUser.Outgoing;
import org.qchat.server.testing.chaos.DeliveryChecker.Violation;

/**
 * The crash scenario of issue #4. Users chat in private pairs (a ring of friendships) and in one
 * group, pipelining their sends, while the server process — the shaded jar on its embedded H2
 * database — is killed with SIGKILL again and again, each time with many messages unacknowledged
 * in flight, and restarted on the same data directory. Users reconnect, resync and resend their
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
    private static final List<String> SERVER_ARGS = List.of(
            "--metrics-port", "-1",
            "--request-rate", "1000000", "--request-burst", "1000000",
            "--registrations-per-hour", "1000000", "--login-free-failures", "1000000");
    private static final String ACK_BEFORE_COMMIT = "--test-only-ack-before-commit";
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);
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

        /** What the users' live count of unanswered sends must reach before a kill. */
        int killTrigger() {
            return minInFlightAtKill == 0 ? 0 : Math.max(2 * minInFlightAtKill, users * window / 2);
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
    public record Kill(int number, long wallMillis, long trafficMillis, long startMillis, int inFlight,
                       int inFlightObserved, int ackedSinceRestart) {
        @Override
        public String toString() {
            return String.format("kill %d: SIGKILL after %d ms of traffic (server start took %d ms); %d messages in "
                            + "flight unacknowledged (%d by the live count); %d acknowledged since the restart",
                    number, trafficMillis, startMillis, inFlight, inFlightObserved, ackedSinceRestart);
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

    private final Path jar;
    private final Path dataDir;
    private final Settings settings;
    private final SplittableRandom random;
    private final List<ChaosUser> users = new ArrayList<>();
    /** Conversation id to its members' user ids, all members before the first message. */
    private final Map<Long, Set<Long>> members = new LinkedHashMap<>();
    private final ExecutorService pool;

    private ChaosRun(Path jar, Path workDir, Settings settings) {
        this.jar = jar;
        this.dataDir = workDir.resolve("data");
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        for (int i = 0; i < settings.users(); i++) {
            users.add(new ChaosUser(i, "chaos_u" + i, random.split(), settings.window()));
        }
        this.pool = Executors.newFixedThreadPool(settings.users());
    }

    /** Runs the whole scenario with its database under {@code workDir}; prints its progress. */
    public static Result run(Path jar, Path workDir, Settings settings) {
        System.out.printf("%sseed=%d users=%d kills=%d window=%d ackBeforeCommit=%s "
                        + "(repeat the random choices with -Dqchat.chaos.seed=%d)%n", TAG, settings.seed(),
                settings.users(), settings.kills(), settings.window(), settings.ackBeforeCommit(), settings.seed());
        ChaosRun run = new ChaosRun(jar, workDir, settings);
        try {
            return run.execute();
        } finally {
            run.pool.shutdownNow();
        }
    }

    private Result execute() {
        long started = System.nanoTime();
        List<Kill> kills = new ArrayList<>();
        ServerProcess server = startServer();
        long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        try {
            setUp(server);
            for (int number = 0; ; number++) {
                boolean last = number == settings.kills();
                ChaosPhase phase = new ChaosPhase(number, !last, users.size());
                if (number > 0) {
                    long t = System.nanoTime();
                    server = startServer();
                    startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
                }
                List<Future<?>> running = startPhase(phase, server);
                if (last) {
                    awaitPhase(running, server);
                    return finish(server, kills, started);
                }
                Kill kill = trafficThenKill(phase, running, server, startMillis);
                kills.add(kill);
                System.out.println(TAG + kill);
                server.close();
            }
        } finally {
            server.close();
        }
    }

    private ServerProcess startServer() {
        List<String> args = new ArrayList<>(SERVER_ARGS);
        args.addAll(settings.storageArgs());
        if (settings.ackBeforeCommit()) {
            args.add(ACK_BEFORE_COMMIT);
        }
        return ServerProcess.start(jar, dataDir, args.toArray(String[]::new));
    }

    /** Accounts, a ring of friendships (a private conversation per pair) and one open group everyone joins. */
    private void setUp(ServerProcess server) {
        for (ChaosUser user : users) {
            user.register(server);
        }
        int n = users.size();
        for (int i = 0; i < (n == 2 ? 1 : n); i++) {
            ChaosUser a = users.get(i);
            ChaosUser b = users.get((i + 1) % n);
            long conv = Scenarios.befriend(a.client(), b.client());
            a.conversations.add(conv);
            b.conversations.add(conv);
            members.put(conv, Set.of(a.userId(), b.userId()));
        }
        GroupInfo group = users.get(0).client().createGroup("chaos", JoinPolicy.OPEN);
        for (ChaosUser user : users.subList(1, n)) {
            user.client().expect(GroupReply.class, new JoinGroup(user.client().nextId(), group.groupId()));
        }
        Set<Long> everyone = new HashSet<>();
        for (ChaosUser user : users) {
            user.conversations.add(group.convId());
            everyone.add(user.userId());
        }
        members.put(group.convId(), Set.copyOf(everyone));
    }

    private List<Future<?>> startPhase(ChaosPhase phase, ServerProcess server) {
        List<Future<?>> running = new ArrayList<>();
        for (ChaosUser user : users) {
            running.add(pool.submit(() -> user.runPhase(phase, server)));
        }
        return running;
    }

    /**
     * Lets traffic run for a random while, then kills once the users' live count of unanswered sends
     * is above the trigger, and counts exactly what was in flight.
     */
    private Kill trafficThenKill(ChaosPhase phase, List<Future<?>> running, ServerProcess server, long startMillis) {
        await("all users resynced and sending").atMost(PHASE_TIMEOUT).pollInterval(Duration.ofMillis(10))
                .until(() -> phase.pumping.getCount() == 0 || anyEnded(running));
        failIfAnyEnded(running, server, "before the kill");
        long trafficStart = System.nanoTime();
        // Pacing, not waiting for a result: each kill lands at a different, seeded point of a phase.
        Duration traffic = Duration.ofMillis(300 + random.nextInt(1200));
        await("enough messages in flight to kill").pollDelay(traffic).pollInterval(Duration.ofMillis(2))
                .atMost(traffic.plus(PHASE_TIMEOUT))
                .until(() -> anyEnded(running) || (inFlight() >= settings.killTrigger()
                        && ackedSinceRestart() >= settings.minAckedBeforeKill()));
        failIfAnyEnded(running, server, "before the kill");
        if (settings.minInFlightAtKill() > 0) {
            // A server that answers as fast as the users send has few sends unanswered at any instant
            // (the live count above also holds replies read but not yet handled). Frozen at this
            // random point, it answers nothing more while the users fill their windows, so the kill
            // finds the server's state of this instant and many sends in flight.
            server.freeze();
            await("users' windows filled against the frozen server").pollInterval(Duration.ofMillis(2))
                    .atMost(PHASE_TIMEOUT)
                    .until(() -> anyEnded(running) || inFlight() >= settings.killTrigger());
            failIfAnyEnded(running, server, "before the kill");
        }
        int observed = inFlight();
        int acked = ackedSinceRestart();
        phase.killed = true;
        long wallMillis = System.currentTimeMillis();
        long killNanos = System.nanoTime();
        server.kill();
        long trafficMillis = TimeUnit.NANOSECONDS.toMillis(killNanos - trafficStart);
        awaitPhase(running, server);
        int number = phase.number + 1;
        int inFlight = users.stream().mapToInt(u -> u.markInFlight(phase.number, killNanos, number)).sum();
        return new Kill(number, wallMillis, trafficMillis, startMillis, inFlight, observed, acked);
    }

    private int inFlight() {
        return users.stream().mapToInt(u -> u.inFlight.get()).sum();
    }

    private int ackedSinceRestart() {
        return users.stream().mapToInt(u -> u.ackedThisPhase.get()).sum();
    }

    private static boolean anyEnded(List<Future<?>> running) {
        return running.stream().anyMatch(Future::isDone);
    }

    private static void failIfAnyEnded(List<Future<?>> running, ServerProcess server, String when) {
        for (Future<?> f : running) {
            if (f.isDone()) {
                awaitPhase(List.of(f), server);
                throw new AssertionError("a user stopped " + when + "; server log:\n" + server.logTail());
            }
        }
    }

    /** Waits for every user's phase to end; a user's failure fails the run with the server's log. */
    private static void awaitPhase(List<Future<?>> running, ServerProcess server) {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        for (Future<?> f : running) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("a chaos user failed: " + e.getCause() + "\nserver log:\n" + server.logTail(),
                        e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError("users did not finish a phase within " + PHASE_TIMEOUT + "; server log:\n"
                        + server.logTail());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** After the last restart: every outbox is empty; resync every device, read what is stored, judge. */
    private Result finish(ServerProcess server, List<Kill> kills, long started) {
        for (ChaosUser user : users) {
            user.finalResync();
        }
        List<DeliveryChecker.Conversation> conversations = new ArrayList<>();
        Map<Long, ReceivedMessages> received = new LinkedHashMap<>();
        for (ChaosUser user : users) {
            received.put(user.userId(), user.received);
        }
        for (Map.Entry<Long, Set<Long>> conv : members.entrySet()) {
            ChaosUser reader = users.stream().filter(u -> u.userId() == conv.getValue().iterator().next())
                    .findFirst().orElseThrow();
            conversations.add(new DeliveryChecker.Conversation(conv.getKey(), conv.getValue(),
                    reader.pullAll(conv.getKey(), 0)));
        }
        List<DeliveryChecker.Sent> sent = new ArrayList<>();
        users.forEach(u -> sent.addAll(u.sent()));
        List<Violation> violations = new ArrayList<>(DeliveryChecker.check(conversations, sent, received));
        users.forEach(u -> violations.addAll(u.observed));

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
        for (ChaosUser user : users) {
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
                result.lostAckedAfterLastRestart(), users.stream().mapToInt(u -> u.unexpectedDisconnects).sum(),
                users.stream().mapToInt(u -> u.retryableErrors).sum());
        System.out.println(TAG + result.summary(10));
        return result;
    }
}
