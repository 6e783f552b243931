package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.JoinGroup;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.PresencePush;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.server.config.Caps;
import org.qchat.server.config.RateLimits;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.MetricsProbe;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.Scenarios;
import org.qchat.server.testing.ServerHarness;
import org.qchat.server.testing.SilentClient;
import org.qchat.server.testing.TestClient;

/**
 * One group member's device stops reading while the others flood the group. The server must close
 * that connection once its outbound queue passes the limit, keep its heap bounded, and keep
 * delivering to everyone else, in order.
 *
 * <p>The heap bound: after the flood and a full GC, the heap may be at most {@value #HEAP_SLACK_MIB}
 * MiB above what it was before the flood. The flood addresses about
 * {@value #SENDERS} × {@value #MESSAGES_PER_SENDER} × 16 KB ≈ 130 MiB to the silent device, so a
 * server that kept its backlog, or kept the frames of a closed connection, breaks the bound by far.
 *
 * <p>Runs on the embedded store only: what is tested is the transport, and storage plays no part in it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SlowConsumerTest {

    /**
     * The server's default. Small against the ~130 MiB flood, large enough (256 messages of 16 KB,
     * one writer batch) that a healthy member's reader falling behind on a loaded CI machine is not
     * mistaken for one that stopped: at 1 MiB a busy run cut off a healthy member now and then.
     */
    private static final long QUEUE_LIMIT = 4L * 1024 * 1024;
    private static final int SENDERS = 3;
    private static final int MESSAGES_PER_SENDER = 2800;
    /**
     * Requests a sender has on the wire before it waits for the oldest acknowledgement. Kept small
     * so that what one writer batch pushes to a healthy member at once (the other senders' windows,
     * 8 × 16 KB) stays well under the queue limit: the limit is for devices that do not read, not
     * for bursts.
     */
    private static final int WINDOW = 4;
    private static final long HEAP_SLACK_MIB = 64;
    /** 4000 code points of 4 UTF-8 bytes each: the longest text the default limits allow, 16 KB. */
    private static final String TEXT = "\uD83D\uDCE2".repeat(4000);

    private ServerHarness server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<SilentClient> silentClients = new ArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
        silentClients.forEach(SilentClient::close);
        if (server != null) {
            server.close();
        }
    }

    private SilentClient silentLogin(TestClient user, String device) {
        SilentClient silent = SilentClient.login("127.0.0.1", server.port(), user.username(), TestClient.PASSWORD, device);
        silentClients.add(silent);
        return silent;
    }

    @Test
    void aClientThatStopsReadingIsClosedPastItsQueueLimitWhileEveryOtherMemberGetsEveryMessageInOrder()
            throws Exception {
        MetricsProbe metrics = new MetricsProbe(MetricsProbe.freePort());
        server = ServerHarness.start(Backend.EMBEDDED, config -> {
            Caps caps = Caps.defaults();
            config.caps(new Caps(caps.maxFriends(), caps.maxGroupsPerUser(), caps.maxPendingRequests(), QUEUE_LIMIT))
                    .rateLimits(RateLimits.unlimited())
                    .metricsPort(metrics.port());
        });
        List<TestClient> members = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            members.add(server.newUser("flood"));
        }
        TestClient owner = members.get(0);
        GroupInfo group = owner.createGroup("flood", JoinPolicy.OPEN);
        long convId = group.convId();
        TestClient slow = server.newUser("slow");
        for (TestClient member : members.subList(1, SENDERS)) {
            join(member, group);
        }
        join(slow, group);
        Scenarios.befriend(owner, slow);
        warmUp(members, convId);

        slow.close();
        owner.awaitPush(PresencePush.class, p -> p.userId() == slow.userId() && !p.online());
        SilentClient silent = silentLogin(slow, "frozen-phone");
        owner.awaitPush(PresencePush.class, p -> p.userId() == silent.userId() && p.online());
        long baseline = usedHeapAfterGc();
        long start = System.nanoTime();

        List<Future<List<Long>>> sent = new ArrayList<>();
        List<Future<List<Long>>> received = new ArrayList<>();
        for (TestClient member : members) {
            received.add(threads.submit(() -> receive(member, convId, (SENDERS - 1) * MESSAGES_PER_SENDER)));
        }
        for (TestClient member : members) {
            sent.add(threads.submit(() -> flood(member, convId)));
        }
        List<List<Long>> sentSeqs = new ArrayList<>();
        for (Future<List<Long>> f : sent) {
            sentSeqs.add(result(f));
        }
        List<List<Long>> receivedSeqs = new ArrayList<>();
        for (Future<List<Long>> f : received) {
            receivedSeqs.add(result(f));
        }
        long floodMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        long after = usedHeapAfterGc();
        long addressedToSilent = (long) SENDERS * MESSAGES_PER_SENDER * TEXT.getBytes(StandardCharsets.UTF_8).length;
        owner.awaitPush(PresencePush.class, p -> p.userId() == silent.userId() && !p.online());
        long leftInBuffers = silent.drainUntilClosed(TestClient.TIMEOUT);
        System.out.printf("[slow-consumer] %d messages in %d ms; ~%d MiB addressed to the silent device, which was "
                        + "closed with %d bytes in its socket buffers; heap after GC %d MiB before the flood, %d MiB "
                        + "after (bound: +%d MiB)%n",
                SENDERS * MESSAGES_PER_SENDER, floodMillis, addressedToSilent >> 20, leftInBuffers, baseline >> 20,
                after >> 20, HEAP_SLACK_MIB);

        assertThat(after - baseline).as("heap growth after GC, bytes").isLessThan(HEAP_SLACK_MIB << 20);
        assertThat(leftInBuffers).as("bytes the server had written to the silent device's socket before closing it "
                + "(-1: never closed)").isBetween(0L, QUEUE_LIMIT + (1 << 20));
        for (int i = 0; i < SENDERS; i++) {
            List<Long> expected = new ArrayList<>();
            for (int j = 0; j < SENDERS; j++) {
                if (j != i) {
                    expected.addAll(sentSeqs.get(j));
                }
            }
            expected.sort(null);
            assertThat(receivedSeqs.get(i)).as("seqs %s received, in arrival order", members.get(i))
                    .containsExactlyElementsOf(expected);
        }
        List<Long> all = new ArrayList<>();
        sentSeqs.forEach(all::addAll);
        all.sort(null);
        assertThat(all.get(all.size() - 1) - all.get(0) + 1).as("the flood's seqs have no gaps").isEqualTo(all.size());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(metrics.gauge("qchat_connections")).isEqualTo(SENDERS);
            assertThat(metrics.gauge("qchat_outbound_queued_bytes")).isZero();
        });
    }

    @Test
    void devicesThatStopReadingBelowTheLimitDoNotHoldUpDeliveryToAnyoneElse() {
        server = ServerHarness.start(Backend.EMBEDDED, config -> config.rateLimits(RateLimits.unlimited()));
        TestClient announcer = server.newUser("announcer");
        GroupInfo group = announcer.createGroup("silent", JoinPolicy.OPEN);
        // More than t-io's default of one send thread per core: each of them ends up parked on a write
        // that cannot complete.
        int silentCount = Runtime.getRuntime().availableProcessors() + 2;
        for (int i = 0; i < silentCount; i++) {
            TestClient member = server.newUser("frozen");
            join(member, group);
            member.close();
            silentLogin(member, "frozen");
        }
        // 24 × 16 KB each: more than the socket buffers take, far less than the 4 MiB queue limit.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ids.add(announcer.send(new SendMessage(announcer.nextId(), group.convId(), Names.msgId(), TEXT)));
        }
        for (String id : ids) {
            assertThat(announcer.awaitReply(id, TestClient.TIMEOUT)).isInstanceOf(MessageSent.class);
        }
        TestClient alice = server.newUser("alice");
        TestClient bob = server.newUser("bob");
        long convId = Scenarios.befriend(alice, bob);

        for (int i = 0; i < 20; i++) {
            String id = Names.msgId();
            alice.sendText(convId, id, "still there? " + i);
            bob.awaitMessage(convId, id);
        }
    }

    private static void join(TestClient member, GroupInfo group) {
        member.expect(GroupReply.class, new JoinGroup(member.nextId(), group.groupId()));
    }

    /** A few short messages first, so the baseline is taken with every code path loaded and warm. */
    private static void warmUp(List<TestClient> members, long convId) {
        for (TestClient member : members) {
            for (int i = 0; i < 20; i++) {
                member.sendText(convId, Names.msgId(), "warm-up " + i);
            }
        }
        for (TestClient member : members) {
            // The group's system lines (its creation, the joins) are pushed too; only the chat counts here.
            member.awaitPushes(MessagePush.class, p -> p.message().convId() == convId
                            && p.message().kind() != org.qchat.protocol.model.MessageKind.SYSTEM, (SENDERS - 1) * 20,
                    TestClient.TIMEOUT);
        }
    }

    /** Sends {@value #MESSAGES_PER_SENDER} long messages with up to {@value #WINDOW} unacknowledged; returns their seqs. */
    private static List<Long> flood(TestClient sender, long convId) {
        List<Long> seqs = new ArrayList<>();
        ArrayDeque<String> pending = new ArrayDeque<>();
        for (int i = 0; i < MESSAGES_PER_SENDER || !pending.isEmpty(); ) {
            if (i < MESSAGES_PER_SENDER && pending.size() < WINDOW) {
                pending.add(sender.send(new SendMessage(sender.nextId(), convId, Names.msgId(), TEXT)));
                i++;
                continue;
            }
            Response reply = sender.awaitReply(pending.poll(), TestClient.TIMEOUT);
            assertThat(reply).as("reply to a flood message").isInstanceOf(MessageSent.class);
            seqs.add(((MessageSent) reply).seq());
        }
        return seqs;
    }

    /** Takes {@code count} msg pushes of the conversation as they arrive; returns their seqs in arrival order. */
    private static List<Long> receive(TestClient member, long convId, int count) {
        List<Long> seqs = new ArrayList<>(count);
        while (seqs.size() < count) {
            MessagePush push = member.awaitPush(MessagePush.class, p -> p.message().convId() == convId
                    && p.message().kind() != org.qchat.protocol.model.MessageKind.SYSTEM, TestClient.TIMEOUT);
            seqs.add(push.message().seq());
        }
        return seqs;
    }

    /**
     * The future's value; a failure inside it is rethrown with its message cut short, because the
     * test client's failure messages quote the last packets, and here each holds 16 KB of text.
     */
    private static <T> T result(Future<T> future) throws Exception {
        try {
            return future.get(150, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            String message = String.valueOf(e.getCause().getMessage());
            throw new AssertionError(message.length() <= 600 ? message : message.substring(0, 600) + "…");
        }
    }

    private static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
