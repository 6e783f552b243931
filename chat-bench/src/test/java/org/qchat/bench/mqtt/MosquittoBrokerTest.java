package org.qchat.bench.mqtt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qchat.bench.mqtt.MqttPacket.PubAck;
import org.qchat.bench.mqtt.MqttPacket.Publish;
import org.qchat.bench.mqtt.MqttPacket.SubAck;
import org.qchat.bench.testing.Requirements;

/**
 * The codec against a real Mosquitto started by {@link MosquittoBroker}, with plain blocking
 * sockets. Skipped with a reason when Mosquitto is not installed; failed instead under
 * {@code QCHAT_REQUIRE_ALL=1}.
 */
class MosquittoBrokerTest {

    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() throws IOException {
        Requirements.require(MosquittoBroker.installed(),
                "mosquitto is not installed (apt-get install mosquitto): the MQTT side of the benchmark cannot be tested");
        broker = MosquittoBroker.start(freePort(), null);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void qos1PublishIsAcknowledgedAndDeliveredWithItsPayloadToTheSubscriber() throws IOException {
        byte[] payload = "hello user 1".getBytes(UTF_8);
        try (BlockingMqttClient subscriber = BlockingMqttClient.connect(broker.port(), "sub-u1");
                BlockingMqttClient publisher = BlockingMqttClient.connect(broker.port(), "pub-u1")) {
            subscriber.send(MqttEncoder.subscribe(1, "u/1", 1, false));
            assertThat(subscriber.read()).isEqualTo(new SubAck(1, new int[] {1}));

            publisher.send(MqttEncoder.publish("u/1", 1, 7, payload));
            assertThat(publisher.read()).isEqualTo(new PubAck(7, MqttPacket.SUCCESS));

            Publish received = (Publish) subscriber.read();
            assertThat(received.topic()).isEqualTo("u/1");
            assertThat(received.qos()).isEqualTo(1);
            assertThat(received.dup()).isFalse();
            assertThat(received.payload()).isEqualTo(payload);
            assertThat(received.packetId()).isBetween(1, 0xFFFF);
            subscriber.send(MqttEncoder.puback(received.packetId()));
            // The broker took the PUBACK as valid: no DISCONNECT, nothing redelivered, still answering.
            assertThat(subscriber.readUntilPingResponse()).isEmpty();
        }
    }

    @Test
    void noLocalKeepsAPublisherFromReceivingItsOwnMessageWhileOthersDo() throws IOException {
        try (BlockingMqttClient member = BlockingMqttClient.connect(broker.port(), "member-g1");
                BlockingMqttClient other = BlockingMqttClient.connect(broker.port(), "other-g1")) {
            member.send(MqttEncoder.subscribe(1, "g/1", 1, true));
            assertThat(member.read()).isEqualTo(new SubAck(1, new int[] {1}));
            other.send(MqttEncoder.subscribe(1, "g/1", 1, false));
            assertThat(other.read()).isEqualTo(new SubAck(1, new int[] {1}));

            member.send(MqttEncoder.publish("g/1", 1, 3, "to the group".getBytes(UTF_8)));

            assertThat(other.read()).isInstanceOfSatisfying(Publish.class,
                    p -> assertThat(p.payload()).asString(UTF_8).isEqualTo("to the group"));
            assertThat(member.readUntilPingResponse()).containsExactly(new PubAck(3, MqttPacket.SUCCESS));
        }
    }

    /** The control for the test above: without No Local the ping barrier does see the echo. */
    @Test
    void withoutNoLocalAPublisherReceivesItsOwnMessageBeforeThePingBarrier() throws IOException {
        try (BlockingMqttClient member = BlockingMqttClient.connect(broker.port(), "member-g2")) {
            member.send(MqttEncoder.subscribe(1, "g/2", 1, false));
            assertThat(member.read()).isEqualTo(new SubAck(1, new int[] {1}));

            member.send(MqttEncoder.publish("g/2", 0, 0, "echo".getBytes(UTF_8)));

            assertThat(member.readUntilPingResponse())
                    .containsExactly(new Publish("g/2", 0, 0, false, "echo".getBytes(UTF_8)));
        }
    }

    /** Mosquitto acknowledges a publish nobody receives with reason 0x10 — still a success. */
    @Test
    void publishWithoutSubscribersIsAcknowledgedWithNoMatchingSubscribers() throws IOException {
        try (BlockingMqttClient publisher = BlockingMqttClient.connect(broker.port(), "pub-nobody")) {
            publisher.send(MqttEncoder.publish("u/999", 1, 8, new byte[] {1}));

            assertThat(publisher.read()).isEqualTo(new PubAck(8, 0x10));
        }
    }

    @Test
    void pinnedBrokerIsMosquittoItselfOnTheGivenCpuAndCloseStopsItAndDeletesItsDirectory() throws Exception {
        Requirements.require(Files.isExecutable(Path.of("/usr/bin/taskset")) || onPath("taskset"),
                "taskset is not installed (util-linux): CPU pinning cannot be tested");
        MosquittoBroker pinned = MosquittoBroker.start(freePort(), "0");
        long pid = pinned.pid();
        ProcessHandle.Info info = ProcessHandle.of(pid).orElseThrow().info();
        Path config;
        try {
            assertThat(info.command()).hasValueSatisfying(c -> assertThat(c).endsWith("/mosquitto"));
            config = Path.of(info.arguments().orElseThrow()[1]);
            assertThat(config).exists();
            assertThat(Files.readAllLines(Path.of("/proc/" + pid + "/status")))
                    .contains("Cpus_allowed_list:\t0");
            try (BlockingMqttClient client = BlockingMqttClient.connect(pinned.port(), "pinned")) {
                assertThat(client.readUntilPingResponse()).isEmpty();
            }
        } finally {
            pinned.close();
        }

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid %d still running", pid).isEmpty();
        assertThat(config.getParent()).doesNotExist();
        assertThat(accepts(pinned.port())).isFalse();
        pinned.close();   // idempotent
    }

    @Test
    void startOnAPortSomethingElseListensOnFailsInsteadOfTalkingToTheOtherListener() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> MosquittoBroker.start(taken.getLocalPort(), null))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("already accepts connections");
        }
    }

    /** A CPU this machine does not have: taskset fails, and its own words are in the exception. */
    @Test
    void failedStartCarriesTheTailOfTheBrokersConsoleOutput() throws IOException {
        Requirements.require(Files.isExecutable(Path.of("/usr/bin/taskset")) || onPath("taskset"),
                "taskset is not installed (util-linux): CPU pinning cannot be tested");
        int port = freePort();

        assertThatThrownBy(() -> MosquittoBroker.start(port, "4095"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited with status")
                .hasMessageContaining("mosquitto.out")
                .hasMessageContaining("affinity");
        assertThat(accepts(port)).isFalse();
    }

    /** Bound and released at once; the short gap before the broker binds it is accepted. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
