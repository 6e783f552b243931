package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.qchat.server.testing.TestClient.PASSWORD;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.packet.ByePush;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.UploadDonePush;
import org.qchat.protocol.packet.UploadStarted;
import org.qchat.server.testing.Files;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.Scenarios;
import org.qchat.server.testing.ServerProcess;
import org.qchat.server.testing.TestClient;

/**
 * The packaged server as an operator runs it: {@code java -jar qchat-server.jar}, killed with
 * SIGKILL, stopped with SIGTERM, probed over HTTP. The embedded store in a temporary data directory.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServerProcessIT {

    /** Upper bound only: the sender is stopped by the kill long before. */
    private static final int MAX_MESSAGES = 20_000;
    private static final int WINDOW = 64;

    /** What a pipelined sender wrote and which of it the server acknowledged. */
    private static final class SendLog {
        final List<String> written = new CopyOnWriteArrayList<>();
        final Map<String, MessageSent> acked = new ConcurrentHashMap<>();
        final Map<String, Response> otherReplies = new ConcurrentHashMap<>();
    }

    private static String textOf(String clientMsgId) {
        return "durable " + clientMsgId;
    }

    /**
     * Sends up to {@code count} messages keeping {@code WINDOW} unanswered requests in flight, until
     * done or the connection ends. Replies that arrived before the end are all recorded.
     */
    private static void pipeline(TestClient client, long conv, String prefix, int count, SendLog log) {
        Deque<String[]> inFlight = new ArrayDeque<>();
        try {
            for (int i = 1; i <= count && !client.isEof(); i++) {
                String clientMsgId = prefix + i;
                SendMessage send = new SendMessage(client.nextId(), conv, clientMsgId, textOf(clientMsgId));
                try {
                    client.send(send);
                } catch (RuntimeException writeFailed) {
                    break;
                }
                log.written.add(clientMsgId);
                inFlight.add(new String[] {send.id(), clientMsgId});
                while (inFlight.size() >= WINDOW) {
                    String[] oldest = inFlight.peek();
                    Response reply;
                    try {
                        reply = client.awaitReply(oldest[0], TestClient.TIMEOUT);
                    } catch (AssertionError connectionClosed) {
                        return;
                    }
                    inFlight.remove();
                    record(log, oldest[1], reply);
                }
            }
            while (!inFlight.isEmpty()) {
                String[] oldest = inFlight.peek();
                Response reply;
                try {
                    reply = client.awaitReply(oldest[0], TestClient.TIMEOUT);
                } catch (AssertionError connectionClosed) {
                    return;
                }
                inFlight.remove();
                record(log, oldest[1], reply);
            }
        } finally {
            for (String[] pending : inFlight) {
                client.pollReply(pending[0]).ifPresent(reply -> record(log, pending[1], reply));
            }
        }
    }

    private static void record(SendLog log, String clientMsgId, Response reply) {
        if (reply instanceof MessageSent sent) {
            assertThat(sent.clientMsgId()).isEqualTo(clientMsgId);
            log.acked.put(clientMsgId, sent);
        } else {
            log.otherReplies.put(clientMsgId, reply);
        }
    }

    /**
     * After a restart: every acked message is stored exactly once with its original ack values, the
     * conversation is gapless, and nothing was stored that the client did not write.
     */
    private static List<MessageInfo> assertAckedMessagesStoredExactlyOnce(TestClient reader, long conv, SendLog log) {
        List<MessageInfo> stored = reader.pullAll(conv, 0);
        assertThat(stored).extracting(MessageInfo::seq).as("gapless seqs")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
        Map<String, MessageInfo> byClientId = new LinkedHashMap<>();
        for (MessageInfo m : stored) {
            assertThat(byClientId.put(m.clientMsgId(), m)).as("stored twice: %s", m.clientMsgId()).isNull();
            assertThat(m.text()).isEqualTo(textOf(m.clientMsgId()));
        }
        assertThat(log.written).as("nothing stored that was not sent").containsAll(byClientId.keySet());
        for (MessageSent ack : log.acked.values()) {
            MessageInfo m = byClientId.get(ack.clientMsgId());
            assertThat(m).as("acked message %s is missing after the restart", ack.clientMsgId()).isNotNull();
            assertThat(m.msgId()).isEqualTo(ack.msgId());
            assertThat(m.seq()).isEqualTo(ack.seq());
            assertThat(m.time()).isEqualTo(ack.time());
        }
        return stored;
    }

    @Test
    void killMinusNineLosesNoAcknowledgedMessageAndResendsReturnTheOriginalAcks(@TempDir Path tmp) throws Exception {
        Path jar = ServerProcess.jar();
        Path data = tmp.resolve("data");
        String aliceName = Names.unique("kill");
        String bobName = Names.unique("kill");
        SendLog log = new SendLog();
        long conv;

        try (ServerProcess server = ServerProcess.start(jar, data)) {
            TestClient alice = server.connect();
            alice.register(aliceName);
            TestClient bob = server.connect();
            bob.register(bobName);
            conv = Scenarios.befriend(alice, bob);
            Thread sender = new Thread(() -> pipeline(alice, conv, "k-", MAX_MESSAGES, log), "pipelined-sender");
            sender.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> log.acked.size() >= 300 || !sender.isAlive());

            server.kill();

            sender.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(sender.isAlive()).isFalse();
        }
        System.out.printf("[qchat-it] SIGKILL with %d messages written, %d acked%n", log.written.size(), log.acked.size());
        assertThat(log.written.size()).as("messages were still in flight at the kill").isGreaterThan(log.acked.size());

        try (ServerProcess restarted = ServerProcess.start(jar, data)) {
            TestClient bob = restarted.connect();
            bob.login(bobName, PASSWORD, null);
            assertAckedMessagesStoredExactlyOnce(bob, conv, log);

            TestClient alice = restarted.connect();
            alice.login(aliceName, PASSWORD, null);
            SendLog resent = new SendLog();
            for (String clientMsgId : log.written) {
                MessageSent again = alice.sendText(conv, clientMsgId, textOf(clientMsgId));
                resent.acked.put(clientMsgId, again);
                MessageSent original = log.acked.get(clientMsgId);
                if (original != null) {
                    assertThat(again).as("resend of acked %s", clientMsgId)
                            .usingRecursiveComparison().ignoringFields("id").isEqualTo(original);
                }
            }
            resent.written.addAll(log.written);
            List<MessageInfo> all = assertAckedMessagesStoredExactlyOnce(bob, conv, resent);
            assertThat(all).hasSize(log.written.size());
        }
    }

    @Test
    void aStoredFileSurvivesKillMinusNineAndAHalfUploadedOneIsNeverServed(@TempDir Path tmp) throws Exception {
        Path jar = ServerProcess.jar();
        Path data = tmp.resolve("data");
        String aliceName = Names.unique("kfile");
        String bobName = Names.unique("kfile");
        byte[] whole = Files.bytes(7, 3 * 1024 * 1024);
        byte[] half = Files.bytes(8, 4 * 1024 * 1024);
        long conv;
        MessageSent sent;
        try (ServerProcess server = ServerProcess.start(jar, data)) {
            TestClient alice = server.connect();
            alice.register(aliceName);
            TestClient bob = server.connect();
            bob.register(bobName);
            conv = Scenarios.befriend(alice, bob);
            FileInfo stored = Files.upload(alice, whole, "whole.bin");
            sent = alice.expect(MessageSent.class, new SendMessage(alice.nextId(), conv, "kf-1", null, MessageKind.FILE,
                    stored.fileId(), null));
            UploadStarted started = (UploadStarted) Files.start(alice, half, "half.bin");
            Files.send(alice, started.uploadId(), half, 0, 2 * 1024 * 1024);

            server.kill();
        }
        try (ServerProcess restarted = ServerProcess.start(jar, data)) {
            TestClient bob = restarted.connect();
            bob.login(bobName, PASSWORD, null);
            assertThat(Files.download(bob, conv, sent.seq(), 0)).isEqualTo(whole);

            TestClient alice = restarted.connect();
            alice.login(aliceName, PASSWORD, null);
            alice.expectError(new SendMessage(alice.nextId(), conv, "kf-2", null, MessageKind.FILE, Files.sha256(half), null),
                    ErrorCode.NOT_FOUND);
            UploadStarted resumed = (UploadStarted) Files.start(alice, half, "half.bin");
            assertThat(resumed.offset()).as("what reached the disk before the kill").isLessThanOrEqualTo(2L * 1024 * 1024);
            Files.send(alice, resumed.uploadId(), half, resumed.offset(), half.length);
            FileInfo finished = alice.awaitPush(UploadDonePush.class, p -> p.uploadId() == resumed.uploadId(),
                    Duration.ofSeconds(30)).file();
            assertThat(finished.fileId()).isEqualTo(Files.sha256(half));
        }
    }

    @Test
    void sigtermFinishesQueuedWritesSaysByeAndExitsZero(@TempDir Path tmp) throws Exception {
        Path jar = ServerProcess.jar();
        Path data = tmp.resolve("data");
        String aliceName = Names.unique("term");
        String bobName = Names.unique("term");
        SendLog log = new SendLog();
        long conv;
        TestClient bob;
        TestClient anonymous;

        try (ServerProcess server = ServerProcess.start(jar, data)) {
            TestClient alice = server.connect();
            alice.register(aliceName);
            bob = server.connect();
            bob.register(bobName);
            anonymous = server.connect();
            conv = Scenarios.befriend(alice, bob);
            Thread sender = new Thread(() -> pipeline(alice, conv, "t-", MAX_MESSAGES, log), "pipelined-sender");
            sender.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> log.acked.size() >= 100 || !sender.isAlive());

            long start = System.nanoTime();
            int exitCode = server.terminate(Duration.ofSeconds(15));

            assertThat(exitCode).as("exit code after SIGTERM; log:\n%s", server.logTail()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            sender.join(TimeUnit.SECONDS.toMillis(30));
            System.out.printf("[qchat-it] SIGTERM with %d messages written, %d acked, other replies %s%n",
                    log.written.size(), log.acked.size(), log.otherReplies.values().stream().distinct().limit(3).toList());
            for (TestClient c : List.of(bob, anonymous)) {
                assertThat(c.awaitEof(Duration.ofSeconds(10))).as("%s sees the connection end", c).isTrue();
                assertThat(c.takePushes(ByePush.class, b -> true)).as("a bye, if it arrived, says shutdown")
                        .allSatisfy(b -> assertThat(b.reason()).isEqualTo("shutdown"));
            }
            bob.close();
            anonymous.close();
        }

        try (ServerProcess restarted = ServerProcess.start(jar, data)) {
            TestClient reader = restarted.connect();
            reader.login(bobName, PASSWORD, null);
            assertAckedMessagesStoredExactlyOnce(reader, conv, log);
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirIsRefusedWithOneLineNamingTheFirst(@TempDir Path tmp) {
        Path jar = ServerProcess.jar();
        Path data = tmp.resolve("data");
        try (ServerProcess first = ServerProcess.start(jar, data)) {
            ServerProcess.Exit second = ServerProcess.runToExit(jar, data);

            assertThat(second.code()).isEqualTo(1);
            assertThat(second.output()).contains("is in use by another qchat server (pid " + first.process().pid() + ")")
                    .contains("stop it first or use another --data-dir")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            TestClient client = first.connect();
            assertThat(client.ping()).as("the first server keeps serving").isNotNull();
        }
    }

    @Test
    void healthAndMetricsAreServedOverHttp(@TempDir Path tmp) throws Exception {
        Path jar = ServerProcess.jar();
        try (ServerProcess server = ServerProcess.start(jar, tmp.resolve("data"))) {
            TestClient client = server.connect();
            client.register(Names.unique("metrics"));
            Files.upload(client, Files.bytes(3, 300_000), "counted.bin");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + server.metricsPort();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("qchat_connections");
            Optional<String> connections = metrics.body().lines()
                    .filter(l -> l.startsWith("qchat_connections") && !l.startsWith("#")).findFirst();
            assertThat(connections).as("a qchat_connections sample in:\n%s", metrics.body()).isPresent();
            assertThat(metrics.body().lines()).as("file counters").contains("qchat_files_stored_total 1.0",
                    "qchat_files_received_bytes_total 300000.0");
            client.ping();
        }
    }
}
