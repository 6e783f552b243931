package org.qchat.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.testing.FrameServer;
import org.qchat.client.testing.TcpRelay;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.Packet;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.Pong;
import org.qchat.protocol.packet.UserList;
import org.qchat.protocol.packet.Welcome;

/** The t-io transport against a real socket. */
class TioChatTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Failing over must not wait for back-off (1 s, growing to 30 s); this leaves room for a slow machine. */
    private static final Duration FAILOVER = Duration.ofSeconds(5);

    private FrameServer server;
    private final List<TioChatTransport> transports = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new FrameServer();
    }

    @AfterEach
    void stopAll() throws IOException {
        transports.forEach(TioChatTransport::close);
        server.close();
    }

    /** Connects to the loopback {@code ports}, in that order. */
    private Recorder connect(int... ports) {
        TioChatTransport transport = new TioChatTransport();
        transports.add(transport);
        Recorder recorder = new Recorder(transport);
        transport.connect(new ServerList(Arrays.stream(ports).mapToObj(p -> new ServerAddress("127.0.0.1", p)).toList()),
                recorder);
        return recorder;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void framesTravelBothWaysIncludingEmojiAndChinese() throws Exception {
        Recorder client = connect(server.port());
        await().atMost(WAIT).until(() -> client.connects.get() == 1);

        assertThat(client.transport.send(new Ping("1"))).isTrue();
        Packet got = server.received().poll(10, TimeUnit.SECONDS);
        assertThat(got).isEqualTo(new Ping("1"));

        server.send(new Welcome(1, "qchat/测试 👋", 262144, 30));
        server.send(new Pong("1", 42));
        assertThat(client.next()).isEqualTo(new Welcome(1, "qchat/测试 👋", 262144, 30));
        assertThat(client.next()).isEqualTo(new Pong("1", 42));
    }

    @Test
    void dataFramesTravelBothWaysBetweenJsonPackets() throws Exception {
        Recorder client = connect(server.port());
        await().atMost(WAIT).until(() -> client.connects.get() == 1);
        byte[] data = new byte[FileChunk.MAX_DATA];
        new java.util.Random(7).nextBytes(data);

        assertThat(client.transport.sendFrame(FileChunk.frame(FileChunk.Direction.UPLOAD, 7, 262144, data, 0, data.length)))
                .isTrue();
        assertThat(client.transport.send(new Ping("1"))).isTrue();
        FileChunk up = (FileChunk) server.received().poll(10, TimeUnit.SECONDS);
        assertThat(up.transferId()).isEqualTo(7);
        assertThat(up.offset()).isEqualTo(262144);
        assertThat(bytes(up)).isEqualTo(data);
        assertThat(server.received().poll(10, TimeUnit.SECONDS)).isEqualTo(new Ping("1"));

        server.sendFrame(FileChunk.frame(FileChunk.Direction.DOWNLOAD, 3, 5, "hello".getBytes(StandardCharsets.UTF_8), 0, 5));
        server.send(new Pong("1", 42));

        FileChunk down = (FileChunk) client.next();
        assertThat(down.direction()).isEqualTo(FileChunk.Direction.DOWNLOAD);
        assertThat(down.transferId()).isEqualTo(3);
        assertThat(down.offset()).isEqualTo(5);
        assertThat(new String(bytes(down), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(client.next()).isEqualTo(new Pong("1", 42));
    }

    @Test
    void aDataFrameOverTheServersLimitIsRefusedBeforeItIsSent() throws Exception {
        Recorder client = connect(server.port());
        await().atMost(WAIT).until(() -> client.connects.get() == 1);
        client.transport.setMaxOutboundFrame(1024);

        byte[] frame = FileChunk.frame(FileChunk.Direction.UPLOAD, 1, 0, new byte[2000], 0, 2000);
        assertThatThrownBy(() -> client.transport.sendFrame(frame)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(FileChunk chunk) {
        byte[] out = new byte[chunk.length()];
        chunk.data().duplicate().get(out);
        return out;
    }

    @Test
    void aServerFrameFarLargerThanTheClientLimitOfTheServerIsAccepted() throws Exception {
        Recorder client = connect(server.port());
        await().atMost(WAIT).until(() -> client.connects.get() == 1);
        List<UserInfo> users = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            users.add(new UserInfo(i + 1, "user" + i, "昵称很长的用户" + i + "😀", "signature ".repeat(12)));
        }
        UserList big = new UserList("7", users);

        server.send(big);

        Packet got = client.next();
        assertThat(got).isInstanceOf(UserList.class);
        assertThat(((UserList) got).users()).hasSize(6000);
        assertThat(new org.qchat.protocol.PacketMapper().write(big).length).isGreaterThan(1_000_000);
    }

    @Test
    void aPacketTypeFromANewerServerIsSkippedAndTheStreamGoesOn() throws Exception {
        Recorder client = connect(server.port());
        await().atMost(WAIT).until(() -> client.connects.get() == 1);

        server.sendRaw("{\"type\":\"future.push\",\"x\":1}".getBytes(StandardCharsets.UTF_8));
        server.send(new Pong("2", 1));

        assertThat(client.next()).isEqualTo(new Pong("2", 1));
    }

    @Test
    void afterTheServerDropsTheLinkTheTransportReconnectsByItself() throws Exception {
        Recorder client = connect(server.port());
        await().atMost(WAIT).until(() -> client.connects.get() == 1);

        server.dropConnections();

        await().atMost(WAIT).until(() -> client.disconnects.get() == 1);
        assertThat(client.transport.send(new Ping("x"))).as("no link while down").isFalse();
        await().atMost(WAIT).until(() -> client.connects.get() == 2);
        await().atMost(WAIT).until(() -> server.openConnections() == 1);
        assertThat(client.transport.send(new Ping("3"))).isTrue();
        assertThat(server.received().poll(10, TimeUnit.SECONDS)).isEqualTo(new Ping("3"));
    }

    @Test
    void resetDropsTheLinkAndAFreshOneComesUp() throws Exception {
        Recorder client = connect(server.port());
        await().atMost(WAIT).until(() -> client.connects.get() == 1);

        client.transport.reset("no pong");

        await().atMost(WAIT).until(() -> client.disconnects.get() == 1 && client.connects.get() == 2);
    }

    @Test
    void anUnreachableServerIsReportedAsAFailedAttempt() throws Exception {
        Recorder client = connect(closedPort());

        await().atMost(WAIT).until(() -> client.failures.get() >= 1);
        assertThat(client.connects.get()).isZero();
    }

    @Test
    void aSecondClientInTheSameJvmWorksAfterTheFirstWasClosed() throws Exception {
        Recorder first = connect(server.port());
        await().atMost(WAIT).until(() -> first.connects.get() == 1);
        first.transport.close();
        await().atMost(WAIT).until(() -> server.openConnections() == 0);

        Recorder second = connect(server.port());
        await().atMost(WAIT).until(() -> second.connects.get() == 1);
        assertThat(second.transport.send(new Ping("9"))).isTrue();
        assertThat(server.received().poll(10, TimeUnit.SECONDS)).isEqualTo(new Ping("9"));
    }

    @Test
    void aClosedTransportDoesNotReconnect() throws Exception {
        Recorder client = connect(server.port());
        await().atMost(WAIT).until(() -> client.connects.get() == 1);

        client.transport.close();
        await().atMost(WAIT).until(() -> server.openConnections() == 0);

        // Longer than the first reconnection delay: nobody comes back.
        await().during(Duration.ofMillis(Backoff.FIRST_DELAY_MILLIS + 1000)).atMost(WAIT)
                .until(() -> server.acceptedCount() == 1);
        assertThat(client.transport.send(new Ping("x"))).isFalse();
    }

    // ---- several servers ------------------------------------------------------------------------

    @Test
    void withTwoServersTheFirstIsUsedAndWhenItDiesTheSecondTakesOverWithoutBackOff() throws Exception {
        try (FrameServer second = new FrameServer()) {
            Recorder client = connect(server.port(), second.port());
            await().atMost(WAIT).until(() -> client.connects.get() == 1);
            assertThat(server.acceptedCount()).isEqualTo(1);
            assertThat(second.acceptedCount()).isZero();

            server.close(); // the node dies: its connections go and it accepts no new ones

            // Far below the 30 s a back-off may reach: the next node is tried at once.
            await().atMost(FAILOVER).until(() -> client.disconnects.get() == 1 && client.connects.get() == 2);
            assertThat(client.failures.get()).as("the live node was tried first").isZero();
            assertThat(client.transport.send(new Ping("b"))).isTrue();
            assertThat(second.received().poll(10, TimeUnit.SECONDS)).isEqualTo(new Ping("b"));
            second.send(new Pong("b", 7));
            assertThat(client.next()).isEqualTo(new Pong("b", 7));
        }
    }

    @Test
    void aDeadFirstAddressIsSkippedOnTheFirstConnect() throws Exception {
        Recorder client = connect(closedPort(), server.port());

        await().atMost(FAILOVER).until(() -> client.connects.get() == 1);
        assertThat(client.failures.get()).isEqualTo(1);
        assertThat(client.transport.send(new Ping("2"))).isTrue();
        assertThat(server.received().poll(10, TimeUnit.SECONDS)).isEqualTo(new Ping("2"));
    }

    @Test
    void whenEveryServerIsDownRoundsRepeatWithBackOffUntilOneComesBack() throws Exception {
        try (TcpRelay a = TcpRelay.to(server.port()); TcpRelay b = TcpRelay.to(server.port())) {
            Recorder client = connect(a.port(), b.port());
            await().atMost(WAIT).until(() -> client.connects.get() == 1);

            a.cut();
            b.cut();
            await().atMost(WAIT).until(() -> client.failures.get() >= 4); // two rounds: b, a, b, a
            assertThat(client.connects.get()).isEqualTo(1);
            b.restore();

            await().atMost(WAIT).until(() -> client.connects.get() == 2);
            assertThat(client.transport.send(new Ping("3"))).isTrue();
            assertThat(server.received().poll(10, TimeUnit.SECONDS)).isEqualTo(new Ping("3"));
        }
    }

    @Test
    void resetMovesToTheNextServer() throws Exception {
        try (FrameServer second = new FrameServer()) {
            Recorder client = connect(server.port(), second.port());
            await().atMost(WAIT).until(() -> client.connects.get() == 1);

            client.transport.reset("no pong");

            await().atMost(FAILOVER).until(() -> client.connects.get() == 2 && second.openConnections() == 1);
            await().atMost(WAIT).until(() -> server.openConnections() == 0);
        }
    }

    /** Records what the transport reports, from its I/O threads. */
    @Test
    void retryNowStartsTheNextAttemptWithoutWaitingOutTheBackOff() throws Exception {
        try (TcpRelay link = TcpRelay.to(server.port())) {
            Recorder client = connect(link.port());
            await().atMost(WAIT).until(() -> client.connects.get() == 1);
            link.cut();
            // Two failed rounds: the next attempt now waits about 4 s.
            await().atMost(WAIT).until(() -> client.failures.get() >= 2);
            link.restore();

            long asked = System.nanoTime();
            client.transport.retryNow();

            await().atMost(Duration.ofMillis(2_500)).until(() -> client.connects.get() == 2);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofMillis(2_500));
        }
    }

    @Test
    void retryNowWhileTheLinkIsUpChangesNothing() throws Exception {
        Recorder client = connect(server.port());
        await().atMost(WAIT).until(() -> client.connects.get() == 1);

        client.transport.retryNow();

        assertThat(client.transport.send(new Ping("1"))).isTrue();
        assertThat(server.received().poll(10, TimeUnit.SECONDS)).isEqualTo(new Ping("1"));
        assertThat(client.disconnects.get()).isZero();
        assertThat(server.acceptedCount()).isEqualTo(1);
    }

    private static final class Recorder implements TransportListener {
        final TioChatTransport transport;
        final AtomicInteger connects = new AtomicInteger();
        final AtomicInteger disconnects = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final BlockingQueue<Packet> packets = new LinkedBlockingQueue<>();

        Recorder(TioChatTransport transport) {
            this.transport = transport;
        }

        Packet next() throws InterruptedException {
            Packet p = packets.poll(10, TimeUnit.SECONDS);
            assertThat(p).as("a packet within 10 s").isNotNull();
            return p;
        }

        @Override
        public void connected() {
            connects.incrementAndGet();
        }

        @Override
        public void connectFailed(String reason) {
            failures.incrementAndGet();
        }

        @Override
        public void disconnected(String reason) {
            disconnects.incrementAndGet();
        }

        @Override
        public void packetReceived(Packet packet) {
            packets.add(packet);
        }
    }
}
