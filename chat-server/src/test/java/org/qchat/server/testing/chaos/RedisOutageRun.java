package org.qchat.server.testing.chaos;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.qchat.server.testing.RedisProcess;
import org.qchat.server.testing.chaos.DeliveryChecker.Kind;
import org.qchat.server.testing.chaos.DeliveryChecker.Violation;

/**
 * Redis — the only link between the nodes of a cluster — is stopped, losing everything it held,
 * and started again, while users spread over three nodes chat as in {@link ChaosRun}. Nodes and
 * connections stay up: nobody reconnects, nobody resyncs, so whatever a device holds came as
 * pushes (or as its own acks). After each return of Redis the run waits, at most
 * {@link Settings#catchUp}, until every member holds every message of its conversations up to the
 * highest seq acknowledged when Redis came back; at the end nobody sends, the devices get at most
 * {@code catchUp} more for the last pushes, and {@link DeliveryChecker} judges them with no resync.
 */
public final class RedisOutageRun {

    private static final String TAG = "[qchat-chaos] ";

    /**
     * @param outages how often Redis is stopped and started again
     * @param catchUp how long after Redis returns (and after the last send) devices may take to hold
     *                everything they missed
     */
    public record Settings(long seed, int users, int outages, int window, Duration catchUp) {
        public Settings {
            if (users < 2 || outages < 1 || window < 1) {
                throw new IllegalArgumentException("need at least 2 users, 1 outage, a window of 1");
            }
        }
    }

    /**
     * One stop and start of Redis.
     *
     * @param ackedWhileDown sends acknowledged while Redis was away: nodes kept committing
     * @param caughtUpMillis from Redis accepting again until every member held every message up to
     *                       the heads acknowledged then; -1 if that did not happen within the catch-up
     * @param lagging        who lacked what when the catch-up time ran out, empty if caught up
     */
    public record Outage(int number, long downMillis, int ackedWhileDown, long caughtUpMillis, String lagging) {
        public boolean caughtUp() {
            return caughtUpMillis >= 0;
        }

        @Override
        public String toString() {
            return String.format("outage %d: Redis away %d ms, %d sends acknowledged meanwhile; %s", number, downMillis,
                    ackedWhileDown, caughtUp() ? "every device caught up " + caughtUpMillis + " ms after Redis returned"
                            : "devices still lacked messages: " + lagging);
        }
    }

    /** @param unexpectedDisconnects connections that ended, though no node was killed (users reopened them) */
    public record Result(List<Violation> violations, List<Outage> outages, int sent, int stored,
                         int unexpectedDisconnects, long finalCatchUpMillis, Duration took) {
        public String summary(int n) {
            return violations.size() + " violations" + (violations.isEmpty() ? "" : ", first:\n  "
                    + violations.stream().limit(n).map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    private final Settings settings;
    private final SplittableRandom random;
    private final ClusterServers servers;
    private final ChaosCrowd crowd;

    private RedisOutageRun(Path workDir, Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.crowd = new ChaosCrowd(settings.users(), settings.window(), random);
        this.servers = new ClusterServers(workDir, 3, ChaosRun.SERVER_ARGS);
    }

    /** Runs the scenario on a cluster of three nodes under {@code workDir}; prints its progress. */
    public static Result run(Path workDir, Settings settings) {
        System.out.printf("%sRedis outages: seed=%d users=%d outages=%d window=%d (repeat the random choices with "
                        + "-Dqchat.chaos.seed=%d)%n", TAG, settings.seed(), settings.users(), settings.outages(),
                settings.window(), settings.seed());
        RedisOutageRun run = new RedisOutageRun(workDir, settings);
        try (run.servers; run.crowd) {
            return run.execute();
        }
    }

    private Result execute() {
        long started = System.nanoTime();
        servers.start();
        crowd.setUp(servers);
        ChaosPhase phase = new ChaosPhase(0, true, crowd.users.size());
        List<Future<?>> running = crowd.startPhase(phase, servers);
        await("all users sending").atMost(ChaosCrowd.PHASE_TIMEOUT).pollInterval(Duration.ofMillis(10))
                .until(() -> phase.pumping.getCount() == 0 || ChaosCrowd.anyEnded(running));
        ChaosCrowd.failIfAnyEnded(running, servers, "before Redis went away");
        RedisProcess redis = servers.cluster().redis();
        List<Outage> outages = new ArrayList<>();
        for (int number = 1; number <= settings.outages(); number++) {
            pause(Duration.ofMillis(500 + random.nextInt(1000)), running, "before Redis went away");
            long stoppedAt = System.nanoTime();
            int ackedBefore = crowd.ackedThisPhase();
            redis.stop();
            // Sometimes longer than the node timeout (3 s): nodes then also lose sight of each other.
            pause(Duration.ofMillis(2000 + random.nextInt(2500)), running, "while Redis was away");
            int ackedWhileDown = crowd.ackedThisPhase() - ackedBefore;
            redis.startAgain();
            long back = System.nanoTime();
            Outage outage = new Outage(number, TimeUnit.NANOSECONDS.toMillis(back - stoppedAt), ackedWhileDown,
                    -1, "");
            outage = awaitCaughtUp(outage, ackedHeads(), back, running);
            outages.add(outage);
            System.out.println(TAG + outage);
        }
        phase.stop();
        ChaosCrowd.awaitPhase(running, servers);
        return finish(outages, started);
    }

    private void pause(Duration pause, List<Future<?>> running, String when) {
        await(when).pollDelay(pause).atMost(pause.plusSeconds(1)).until(() -> true);
        ChaosCrowd.failIfAnyEnded(running, servers, when);
    }

    /** Per conversation, the highest seq any sender has been acknowledged. */
    private Map<Long, Long> ackedHeads() {
        Map<Long, Long> heads = new HashMap<>();
        for (ChaosUser user : crowd.users) {
            user.ackedSeq.forEach((conv, seq) -> heads.merge(conv, seq, Math::max));
        }
        return heads;
    }

    private Outage awaitCaughtUp(Outage outage, Map<Long, Long> heads, long back, List<Future<?>> running) {
        try {
            await("every device holds what was acknowledged when Redis returned").atMost(settings.catchUp())
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> ChaosCrowd.anyEnded(running) || lagging(heads).isEmpty());
        } catch (ConditionTimeoutException e) {
            return new Outage(outage.number(), outage.downMillis(), outage.ackedWhileDown(), -1, lagging(heads));
        }
        ChaosCrowd.failIfAnyEnded(running, servers, "after Redis returned");
        return new Outage(outage.number(), outage.downMillis(), outage.ackedWhileDown(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back), "");
    }

    /** Who holds less than {@code heads} in which conversation, empty if nobody. */
    private String lagging(Map<Long, Long> heads) {
        List<String> out = new ArrayList<>();
        for (ChaosUser user : crowd.users) {
            for (Map.Entry<Long, Set<Long>> conv : crowd.members.entrySet()) {
                long head = heads.getOrDefault(conv.getKey(), 0L);
                long held = user.heldSeq.getOrDefault(conv.getKey(), 0L);
                if (conv.getValue().contains(user.userId()) && held < head) {
                    out.add(user + " holds conv " + conv.getKey() + " up to seq " + held + " of " + head);
                }
            }
        }
        return String.join("; ", out);
    }

    /** Nobody sends any more; the devices get the last pushes (no resync), then the checker judges. */
    private Result finish(List<Outage> outages, long started) {
        List<DeliveryChecker.Conversation> stored = crowd.stored();
        long t = System.nanoTime();
        long finalCatchUp = -1;
        try {
            await("every device holds every stored message").atMost(settings.catchUp())
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        crowd.users.forEach(ChaosUser::drainPushesAfterPhase);
                        return crowd.check(stored).stream().noneMatch(v -> v.kind() == Kind.NOT_DELIVERED);
                    });
            finalCatchUp = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
        } catch (ConditionTimeoutException e) {
            // The checker reports what is missing.
        }
        List<Violation> violations = crowd.check(stored);
        int storedCount = stored.stream().mapToInt(c -> c.stored().size()).sum();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Result result = new Result(violations, outages, crowd.sent().size(), storedCount, crowd.unexpectedDisconnects(),
                finalCatchUp, took);
        System.out.printf("%sdone in %.1f s: %d messages sent, %d stored in %d conversations; devices complete %d ms "
                        + "after the last send; unexpected disconnects %d, retryable errors %d%n", TAG,
                took.toMillis() / 1000.0, result.sent(), storedCount, stored.size(), finalCatchUp,
                result.unexpectedDisconnects(), crowd.retryableErrors());
        System.out.println(TAG + result.summary(10));
        return result;
    }
}
