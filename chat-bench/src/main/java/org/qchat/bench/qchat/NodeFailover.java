package org.qchat.bench.qchat;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.qchat.bench.load.EventLoop;
import org.qchat.bench.load.OpenLoopPacer;
import org.qchat.bench.load.Population;
import org.qchat.bench.sut.ClusterTarget;
import org.qchat.bench.workload.Poll;
import org.qchat.bench.workload.Profile;
import org.qchat.bench.workload.WorkloadResult;

/**
 * W7: one node of a two-node cluster killed ({@code kill -9}) while pairs split over both nodes
 * chat at a steady rate. The killed node's users fail over to the other node as the desktop
 * client does ({@link FailoverClient}); the workload reports how long until every user is served
 * again, and how many acknowledged messages were lost.
 *
 * <p>A user is <em>served again</em> at the first acknowledgement of one of its sends, or the first
 * message from its partner (pushed or pulled), that reaches it after the kill on a connection that
 * was not lost after it: for a user of the surviving node that is at once, for a user of the killed
 * node only once it is logged in on the other node. A message is <em>lost</em> if the server
 * acknowledged it ({@code msg.sent}) but its recipient never received it, or a pull of the whole
 * conversation at the end does not hold it.
 */
public final class NodeFailover {

    /** Starts a seeded cluster for a population. */
    public interface ClusterLauncher {
        String system();

        ClusterTarget launch(Population population, String label) throws IOException;
    }

    /** The node killed: the second, home of every odd user, so every pair loses one side. */
    static final int KILLED_NODE = 1;
    /** The longest wait, once the sends end, for every message to be acknowledged and received. */
    static final Duration DRAIN = Duration.ofSeconds(30);

    private final Profile profile;
    private final PrintStream log;

    public NodeFailover(Profile profile, PrintStream log) {
        this.profile = profile;
        this.log = log;
    }

    /** Runs W7 at {@code rate} messages per second (all users in turn, whether logged in or not). */
    public WorkloadResult run(String workload, ClusterLauncher launcher, double rate)
            throws IOException, TimeoutException {
        Population population = new Population(profile.pairUsers(), true, 0);
        Duration beforeKill = profile.jvmWarmup().plus(profile.step());
        Duration afterKill = profile.failoverAfterKill();
        log.printf("%n== %s on %s: %d users, %.0f msg/s, node n%d killed after %d s, sending for %d s more%n",
                workload, launcher.system(), population.users(), rate, KILLED_NODE + 1, beforeKill.toSeconds(),
                afterKill.toSeconds());
        try (ClusterTarget target = launcher.launch(population, "w7-failover");
             EventLoop loop = new EventLoop("bench-w7")) {
            Users users = new Users(population.users());
            CompletableFuture<Void> allIn = loop.call(() -> users.connectAll(target.qchatClients(), loop));
            join(allIn, Duration.ofMinutes(3), "logging in");
            log.printf("   %d users logged in%n", population.users());

            CompletableFuture<Long> sending = new CompletableFuture<>();
            loop.execute(() -> new Pacing(loop, users, new OpenLoopPacer(System.nanoTime(), rate,
                    beforeKill.plus(afterKill).toNanos()), sending).schedule());
            sleep(beforeKill);
            long killAt = loop.call(users::killing);
            target.kill(KILLED_NODE);
            log.printf("   killed node n%d (%d ms)%n", KILLED_NODE + 1, (System.nanoTime() - killAt) / 1_000_000);
            long issued = join(sending, afterKill.plus(Duration.ofMinutes(1)), "sending");
            boolean drained = Poll.until(() -> loop.call(users::drained), DRAIN);

            Map<Integer, Set<String>> stored = join(loop.call(() -> users.pullConversations(population)),
                    Duration.ofMinutes(2), "pulling the conversations");
            Map<String, Double> figures = loop.call(() -> users.figures(population, stored, killAt, rate, issued));
            log.printf("   %s%n", figures);
            loop.call(() -> {
                users.stopAll();
                return null;
            });
            String note = users.note(drained, killAt, loop);
            return WorkloadResult.ofFigures(workload, launcher.system(), figures, note);
        }
    }

    /** The users and what they saw; touched on the loop thread only. */
    private static final class Users implements FailoverClient.Listener {
        private static final int LOGINS_IN_FLIGHT = 40;

        private final FailoverClient[] clients;
        private final long[] servedAt;
        private final boolean[] moved;
        private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
        private final CompletableFuture<Void> allIn = new CompletableFuture<>();
        private QchatClientFactory factory;
        private EventLoop loop;
        private int loggedIn;
        private long killAt;
        private long errors;
        private String firstError;

        Users(int n) {
            clients = new FailoverClient[n];
            servedAt = new long[n];
            moved = new boolean[n];
        }

        /** Logs everyone in, at most {@link #LOGINS_IN_FLIGHT} at a time (t-io's accept backlog is 50). */
        CompletableFuture<Void> connectAll(QchatClientFactory factory, EventLoop loop) {
            for (int u = 0; u < clients.length; u++) {
                waiting.add(u);
            }
            this.factory = factory;
            this.loop = loop;
            for (int i = 0; i < LOGINS_IN_FLIGHT && !waiting.isEmpty(); i++) {
                startNext();
            }
            return allIn;
        }

        private void startNext() {
            int u = waiting.poll();
            clients[u] = FailoverClient.start(factory, loop, u, this);
        }

        FailoverClient client(int u) {
            return clients[u];
        }

        int size() {
            return clients.length;
        }

        /** The kill is about to happen: from now on, who is served counts. */
        long killing() {
            killAt = System.nanoTime();
            return killAt;
        }

        @Override
        public void onReady(FailoverClient client) {
            if (allIn.isDone()) {
                return;
            }
            if (++loggedIn == clients.length) {
                allIn.complete(null);
            } else if (!waiting.isEmpty()) {
                startNext();
            }
        }

        @Override
        public void onServed(FailoverClient client) {
            int u = client.user();
            if (killAt != 0 && servedAt[u] == 0) {
                servedAt[u] = System.nanoTime();
            }
        }

        @Override
        public void onDropped(FailoverClient client) {
            int u = client.user();
            servedAt[u] = 0;
            if (killAt != 0) {
                moved[u] = true;
            }
        }

        @Override
        public void onError(FailoverClient client, String what) {
            errors++;
            if (firstError == null) {
                firstError = "user " + client.user() + ": " + what;
            }
        }

        /** Every send acknowledged, and every partner has received at least as many messages as were acknowledged. */
        boolean drained() {
            long acked = 0;
            long received = 0;
            for (FailoverClient c : clients) {
                if (c.unacked() > 0) {
                    return false;
                }
                acked += c.acked().size();
                received += c.received().size();
            }
            return received >= acked;
        }

        /** Pulls every pair's conversation through whichever of its two users is logged in: the clientMsgIds stored. */
        CompletableFuture<Map<Integer, Set<String>>> pullConversations(Population population) {
            CompletableFuture<Map<Integer, Set<String>>> done = new CompletableFuture<>();
            Map<Integer, Set<String>> stored = new LinkedHashMap<>();
            int[] remaining = {population.pairCount()};
            for (int pair = 0; pair < population.pairCount(); pair++) {
                FailoverClient puller = clients[2 * pair].isReady() ? clients[2 * pair] : clients[2 * pair + 1];
                int k = pair;
                if (!puller.isReady()) {
                    done.completeExceptionally(new IllegalStateException("neither user of pair " + pair + " is logged in"));
                    return done;
                }
                puller.pullAll(ids -> {
                    stored.put(k, ids);
                    if (--remaining[0] == 0) {
                        done.complete(stored);
                    }
                });
            }
            return done;
        }

        Map<String, Double> figures(Population population, Map<Integer, Set<String>> stored, long kill, double rate,
                                    long issued) {
            long acked = 0;
            long notDelivered = 0;
            long notStored = 0;
            long lost = 0;
            for (int u = 0; u < clients.length; u++) {
                Set<String> partnerGot = clients[population.partnerOf(u)].received();
                Set<String> inConversation = stored.get(population.pairOf(u));
                for (String id : clients[u].acked()) {
                    acked++;
                    boolean delivered = partnerGot.contains(id);
                    boolean kept = inConversation.contains(id);
                    notDelivered += delivered ? 0 : 1;
                    notStored += kept ? 0 : 1;
                    lost += delivered && kept ? 0 : 1;
                }
            }
            long[] movedServed = Arrays.stream(indices()).filter(u -> moved[u]).mapToLong(u -> servedAt[u]).toArray();
            long unserved = Arrays.stream(servedAt).filter(t -> t == 0).count();
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("msg/s", rate);
            f.put("messages sent", (double) issued);
            f.put("acked", (double) acked);
            f.put("users moved", (double) movedServed.length);
            f.put("served again p50 s", unserved > 0 ? Double.NaN : seconds(percentile(movedServed, 50), kill));
            f.put("all served again s", unserved > 0 ? Double.NaN
                    : seconds(Arrays.stream(servedAt).max().orElse(kill), kill));
            f.put("lost: not delivered", (double) notDelivered);
            f.put("lost: not stored", (double) notStored);
            f.put("messages lost", (double) lost);
            return f;
        }

        private int[] indices() {
            int[] all = new int[clients.length];
            Arrays.setAll(all, i -> i);
            return all;
        }

        private static long percentile(long[] values, double p) {
            if (values.length == 0) {
                return 0;
            }
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
        }

        private static double seconds(long at, long kill) {
            return at == 0 ? Double.NaN : (at - kill) / 1e9;
        }

        void stopAll() {
            for (FailoverClient c : clients) {
                c.stop();
            }
        }

        String note(boolean drained, long kill, EventLoop loop) {
            return loop.call(() -> {
                StringBuilder note = new StringBuilder();
                long unserved = Arrays.stream(servedAt).filter(t -> t == 0).count();
                if (unserved > 0) {
                    note.append(unserved).append(" users not served again by the end; ");
                }
                if (!drained) {
                    note.append("not every message acknowledged and received within ").append(DRAIN.toSeconds())
                            .append(" s of the last send; ");
                }
                if (errors > 0) {
                    note.append(errors).append(" error replies (").append(firstError).append("); ");
                }
                return note.length() == 0 ? null : note.substring(0, note.length() - 2);
            });
        }
    }

    /** Sends at the pacer's times, the users in turn; a user away queues the message in its outbox. */
    private static final class Pacing {
        private final EventLoop loop;
        private final Users users;
        private final OpenLoopPacer pacer;
        private final CompletableFuture<Long> done;
        private final Runnable fire = this::fire;
        private int turn;

        Pacing(EventLoop loop, Users users, OpenLoopPacer pacer, CompletableFuture<Long> done) {
            this.loop = loop;
            this.users = users;
            this.pacer = pacer;
            this.done = done;
        }

        void schedule() {
            if (pacer.hasNext()) {
                loop.schedule(pacer.nextDue(), fire);
            } else {
                done.complete(pacer.issued());
            }
        }

        private void fire() {
            long now = System.nanoTime();
            while (pacer.isDue(now)) {
                pacer.take();
                users.client(turn).send();
                turn = (turn + 1) % users.size();
            }
            schedule();
        }
    }

    private static <T> T join(CompletableFuture<T> future, Duration timeout, String what) throws TimeoutException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TimeoutException(what + " took longer than " + timeout);
        }
    }

    private static void sleep(Duration d) {
        try {
            // The node is killed at a set point of the steady load: the wait is the schedule.
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
