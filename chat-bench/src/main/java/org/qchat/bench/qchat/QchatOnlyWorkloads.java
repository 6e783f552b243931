package org.qchat.bench.qchat;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.qchat.bench.load.BenchClient;
import org.qchat.bench.load.ClientListener;
import org.qchat.bench.load.EventLoop;
import org.qchat.bench.load.LatencyStats;
import org.qchat.bench.load.Population;
import org.qchat.bench.sut.QchatTarget;
import org.qchat.bench.workload.Fleet;
import org.qchat.bench.workload.Measurement;
import org.qchat.bench.workload.Poll;
import org.qchat.bench.workload.Profile;
import org.qchat.bench.workload.WorkloadResult;
import org.qchat.protocol.Packet;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.packet.MessageHistory;
import org.qchat.protocol.packet.MessagePage;
import org.qchat.protocol.packet.PullMessages;
import org.qchat.protocol.packet.Sync;
import org.qchat.protocol.packet.SyncState;

/**
 * What only a storing server can be asked: a page of history out of a long conversation, and
 * catching up a returning user on everything sent while they were away. MQTT has neither (a
 * broker's retained message is one per topic), so these run on qchat alone.
 */
public final class QchatOnlyWorkloads {

    /** How a qchat server with a given population is started. */
    public interface QchatLauncher {
        String system();

        QchatTarget launch(Population population, String label, boolean withHistory) throws IOException;
    }

    private static final int HISTORY_PAGE = 50;
    private static final int PULL_PAGE = 200;

    private final Profile profile;
    private final PrintStream log;

    public QchatOnlyWorkloads(Profile profile, PrintStream log) {
        this.profile = profile;
        this.log = log;
    }

    /**
     * Pages of 50 at random points of a conversation holding {@link Profile#historyMessages()},
     * one request at a time (closed loop: this is the latency of one user scrolling back).
     */
    public WorkloadResult history(String workload, QchatLauncher launcher) throws IOException, TimeoutException {
        int messages = profile.historyMessages();
        log.printf("%n== %s on %s: pages of %d from %,d messages%n", workload, launcher.system(), HISTORY_PAGE, messages);
        try (QchatTarget target = launcher.launch(new Population(2, true, 0), "history", true);
             EventLoop loop = new EventLoop("bench-history")) {
            Fleet fleet = new Fleet(loop, target.clients(), 2);
            fleet.connect(u -> u == 0, 1, Duration.ofMinutes(1));
            QchatClient client = (QchatClient) fleet.client(0);
            long conv = target.fixture().pairConvs()[0];
            // The same requests for the JVM warm-up the traffic workloads get: on one core the JIT
            // compiles the read path while it serves, and a stall for a compilation is not a page's cost.
            long warmupEnd = System.nanoTime() + profile.jvmWarmup().toNanos();
            LatencyStats latency = new LatencyStats();
            CompletableFuture<String> done = new CompletableFuture<>();
            SplittableRandom random = new SplittableRandom(42);
            loop.execute(() -> new Runnable() {
                int measuredIssued;

                @Override
                public void run() {
                    if (measuredIssued == profile.historyRequests()) {
                        done.complete(null);
                        return;
                    }
                    long before = HISTORY_PAGE + 1 + random.nextLong(messages - HISTORY_PAGE);
                    long start = System.nanoTime();
                    boolean measured = start - warmupEnd >= 0;
                    if (measured) {
                        measuredIssued++;
                    }
                    client.call(id -> new MessageHistory(id, conv, before, HISTORY_PAGE), reply -> {
                        if (!(reply instanceof MessagePage page) || page.messages().size() != HISTORY_PAGE) {
                            done.complete("unexpected reply " + reply);
                            return;
                        }
                        if (measured) {
                            latency.recordNanos(System.nanoTime() - start);
                        }
                        run();
                    });
                }
            }.run());
            String failure = done.orTimeout(10, TimeUnit.MINUTES).join();
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            Map<String, Double> figures = loop.call(() -> {
                Map<String, Double> f = new LinkedHashMap<>();
                f.put("messages stored", (double) messages);
                f.put("pages", (double) latency.count());
                f.put("p50 ms", latency.percentileMillis(50));
                f.put("p99 ms", latency.percentileMillis(99));
                f.put("p99.9 ms", latency.percentileMillis(99.9));
                f.put("max ms", latency.maxMillis());
                return f;
            });
            log.printf("   %s%n", figures);
            fleet.closeAll();
            return WorkloadResult.ofFigures(workload, launcher.system(), figures, null);
        }
    }

    /**
     * A user comes back to {@link Profile#backlogMessages()} messages sent while they were away:
     * the time from connecting to holding them all (resume, sync, pulls of 200).
     */
    public WorkloadResult backlog(String workload, QchatLauncher launcher) throws IOException, TimeoutException {
        int messages = profile.backlogMessages();
        log.printf("%n== %s on %s: %,d messages waiting%n", workload, launcher.system(), messages);
        try (QchatTarget target = launcher.launch(new Population(2, true, 0), "backlog", false);
             EventLoop loop = new EventLoop("bench-backlog")) {
            Fleet fleet = new Fleet(loop, target.clients(), 2);
            fleet.connect(u -> u == 0, 1, Duration.ofMinutes(1));
            Measurement sender = new Measurement(loop, fleet, target, Duration.ZERO);
            double rate = 5_000;
            sender.step(rate, Duration.ofNanos((long) (messages / rate * 1e9)), new int[] {0}, BenchClient::sendDirect, 0);
            Poll.until(() -> loop.call(fleet::acked) >= messages, Duration.ofMinutes(2));
            long stored = loop.call(fleet::acked);
            if (stored < messages) {
                throw new IllegalStateException("only " + stored + " of " + messages + " backlog messages were acknowledged");
            }
            CatchUp catchUp = new CatchUp(loop, target, messages);
            long start = System.nanoTime();
            loop.execute(catchUp::start);
            long received = catchUp.done.orTimeout(5, TimeUnit.MINUTES).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("messages", (double) received);
            figures.put("seconds", seconds);
            figures.put("messages/s", received / seconds);
            log.printf("   %s%n", figures);
            fleet.closeAll();
            return WorkloadResult.ofFigures(workload, launcher.system(), figures,
                    received == messages ? null : "received " + received + " of " + messages);
        }
    }

    /** The returning user: connect, resume, sync, then pull every conversation it lacks, page by page. */
    private static final class CatchUp implements ClientListener {
        final CompletableFuture<Long> done = new CompletableFuture<>();
        private final EventLoop loop;
        private final QchatTarget target;
        private final int expected;
        private QchatClient client;
        private long received;

        CatchUp(EventLoop loop, QchatTarget target, int expected) {
            this.loop = loop;
            this.target = target;
            this.expected = expected;
        }

        void start() {
            client = (QchatClient) target.clients().start(loop, 1, this);
        }

        @Override
        public void onReady(BenchClient c) {
            client.call(Sync::new, reply -> {
                if (!(reply instanceof SyncState state)) {
                    done.completeExceptionally(new IllegalStateException("sync failed: " + reply));
                    return;
                }
                for (ConversationInfo conv : state.conversations()) {
                    if (conv.lastSeq() > conv.ackSeq()) {
                        pull(conv.convId(), conv.ackSeq(), conv.lastSeq());
                    }
                }
            });
        }

        private void pull(long convId, long after, long last) {
            client.call(id -> new PullMessages(id, convId, after, PULL_PAGE), reply -> onPage(convId, last, reply));
        }

        private void onPage(long convId, long last, Packet reply) {
            if (!(reply instanceof MessagePage page) || page.messages().isEmpty()) {
                done.completeExceptionally(new IllegalStateException("pull failed: " + reply));
                return;
            }
            received += page.messages().size();
            long newest = page.messages().get(page.messages().size() - 1).seq();
            if (newest < last) {
                pull(convId, newest, last);
            } else if (received >= expected) {
                done.complete(received);
            }
        }

        @Override
        public void onAck(BenchClient c, int step, long intendedNanos) {
        }

        @Override
        public void onDelivery(BenchClient c, int step, long intendedNanos) {
        }

        @Override
        public void onError(BenchClient c, String what) {
            done.completeExceptionally(new IllegalStateException(what));
        }

        @Override
        public void onClosed(BenchClient c, Throwable cause) {
            if (!done.isDone()) {
                done.completeExceptionally(new IllegalStateException("disconnected while catching up", cause));
            }
        }
    }
}
