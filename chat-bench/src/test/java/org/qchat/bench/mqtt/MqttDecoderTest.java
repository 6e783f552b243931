package org.qchat.bench.mqtt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qchat.bench.mqtt.Hex.bytes;
import static org.qchat.bench.mqtt.Hex.concat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qchat.bench.mqtt.MqttPacket.ConnAck;
import org.qchat.bench.mqtt.MqttPacket.Disconnect;
import org.qchat.bench.mqtt.MqttPacket.PingResp;
import org.qchat.bench.mqtt.MqttPacket.PubAck;
import org.qchat.bench.mqtt.MqttPacket.Publish;
import org.qchat.bench.mqtt.MqttPacket.SubAck;

/** Packets from the broker: every form it may send, split anywhere, back to back, and the ones to refuse. */
class MqttDecoderTest {

    private final MqttDecoder decoder = new MqttDecoder(1024);

    /** Wire bytes and the packet they decode to. Vectors marked "Mosquitto" were captured from 2.0.11. */
    static Stream<Arguments> vectors() {
        return Stream.of(
                // Mosquitto: flags 00, reason 00, properties (6): 22 00 0a Topic Alias Maximum 10,
                // 21 03 e8 Receive Maximum 1000 (its max_inflight_messages)
                vector("20 09 00 00 06 22 00 0a 21 03 e8", new ConnAck(false, 0)),
                // session present, 0x87 Not authorized, property length 0
                vector("20 03 01 87 00", new ConnAck(true, 0x87)),
                // a 3.1.1-only broker's answer: return code 1, no property length at all
                vector("20 02 00 01", new ConnAck(false, 1)),
                // Mosquitto: packet id 1, property length 0, granted QoS 1
                vector("90 04 00 01 00 01", new SubAck(1, new int[] {1})),
                // packet id 2, properties (5): 1f 00 02 "no" Reason String; 0x80 Unspecified error
                vector("90 09 00 02 05 1f 00 02 6e 6f 80", new SubAck(2, new int[] {0x80})),
                // Mosquitto: 0x32 = PUBLISH QoS 1; topic "u/1", packet id 1, property length 0, "hi"
                vector("32 0a 00 03 75 2f 31 00 01 00 68 69", pub("u/1", 1, 1, false, "hi")),
                // 0x3a = DUP | QoS 1; "g/1", id 5, properties (5): 02 00 00 00 3c Message Expiry 60 s; "ok"
                vector("3a 0f 00 03 67 2f 31 00 05 05 02 00 00 00 3c 6f 6b", pub("g/1", 1, 5, true, "ok")),
                // 0x31 = QoS 0 | RETAIN (not kept); "all", no packet id, property length 0, empty payload
                vector("31 06 00 03 61 6c 6c 00", pub("all", 0, 0, false, "")),
                // 0x34 = QoS 2 still decodes: "all", id 9, property length 0, "z"
                vector("34 09 00 03 61 6c 6c 00 09 00 7a", pub("all", 2, 9, false, "z")),
                // PUBACK 2-byte form: packet id only, reason Success implied (Mosquitto, subscribers matched)
                vector("40 02 00 07", new PubAck(7, 0)),
                // Mosquitto: reason alone, no property length: 0x10 No matching subscribers
                vector("40 03 00 08 10", new PubAck(8, 0x10)),
                // 4-byte form: reason 0, property length 0
                vector("40 04 00 09 00 00", new PubAck(9, 0)),
                // properties (4): 1f 00 01 "q" Reason String; 0x97 Quota exceeded
                vector("40 08 00 0a 97 04 1f 00 01 71", new PubAck(10, 0x97)),
                vector("d0 00", new PingResp()),
                // no reason: Normal disconnection
                vector("e0 00", new Disconnect(0)),
                // Mosquitto, after a malformed packet from the client: 0x82 Protocol Error, no properties
                vector("e0 01 82", new Disconnect(0x82)),
                // 0x8e Session taken over, properties (4): 1f 00 01 "x"
                vector("e0 06 8e 04 1f 00 01 78", new Disconnect(0x8e)));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decodesEachFormTheBrokerMaySend(byte[] wire, MqttPacket expected) {
        ByteBuffer in = ByteBuffer.wrap(wire);

        assertThat(decoder.decode(in)).isEqualTo(expected);
        assertThat(in.hasRemaining()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void packetSplitAtEveryOffsetDecodesOnlyWhenComplete(byte[] wire, MqttPacket expected) {
        byte[] consumedEarlier = bytes("de ad be ef");
        for (int available = 0; available < wire.length; available++) {
            ByteBuffer in = ByteBuffer.wrap(concat(consumedEarlier, Arrays.copyOf(wire, available)));
            in.position(consumedEarlier.length);

            assertThat(decoder.decode(in)).as("%d of %d bytes", available, wire.length).isNull();
            assertThat(in.position()).as("position, %d of %d bytes", available, wire.length)
                    .isEqualTo(consumedEarlier.length);
            assertThat(in.limit()).isEqualTo(consumedEarlier.length + available);
        }
        ByteBuffer in = ByteBuffer.wrap(concat(consumedEarlier, wire));
        in.position(consumedEarlier.length);
        assertThat(decoder.decode(in)).isEqualTo(expected);
        assertThat(in.hasRemaining()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void directBuffersDecodeTheSame(byte[] wire, MqttPacket expected) {
        ByteBuffer in = ByteBuffer.allocateDirect(wire.length).put(wire).flip();

        assertThat(decoder.decode(in)).isEqualTo(expected);
    }

    @Test
    void twoPacketsBackToBackComeOutOneAtATime() {
        ByteBuffer in = ByteBuffer.wrap(bytes("40 02 00 07 32 0a 00 03 75 2f 31 00 01 00 68 69 d0"));

        assertThat(decoder.decode(in)).isEqualTo(new PubAck(7, 0));
        assertThat(in.position()).isEqualTo(4);
        assertThat(decoder.decode(in)).isEqualTo(pub("u/1", 1, 1, false, "hi"));
        assertThat(in.position()).isEqualTo(16);
        assertThat(decoder.decode(in)).as("a third packet's first byte only").isNull();
        assertThat(in.position()).isEqualTo(16);
    }

    @Test
    void nonAsciiTopicsAreDecodedAsUtf8() {
        // "g/é" : é = c3 a9
        ByteBuffer in = ByteBuffer.wrap(bytes("30 07 00 04 67 2f c3 a9 00"));

        assertThat(decoder.decode(in)).isEqualTo(pub("g/\u00e9", 0, 0, false, ""));
    }

    // ---- in place (the generator's hot path) -------------------------------------------------------

    /** What {@link MqttDecoder#decode(ByteBuffer, MqttDecoder.Sink)} handed over, as records; a PUBLISH's topic is not decoded there. */
    private static class Recorder implements MqttDecoder.Sink {
        MqttPacket last;

        @Override
        public void onPublish(int qos, int packetId, boolean dup, ByteBuffer buf, int payloadFrom, int payloadTo) {
            byte[] payload = new byte[payloadTo - payloadFrom];
            buf.get(payloadFrom, payload);
            last = new Publish("?", qos, packetId, dup, payload);
        }

        @Override
        public void onPubAck(int packetId, int reasonCode) {
            last = new PubAck(packetId, reasonCode);
        }

        @Override
        public void onPacket(MqttPacket packet) {
            last = packet;
        }
    }

    private static MqttPacket withoutTopic(MqttPacket packet) {
        return packet instanceof Publish p ? new Publish("?", p.qos(), p.packetId(), p.dup(), p.payload()) : packet;
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void inPlaceDecodingHandsOverWhatTheRecordsCarry(byte[] wire, MqttPacket expected) {
        for (ByteBuffer in : new ByteBuffer[] {ByteBuffer.wrap(wire), ByteBuffer.allocateDirect(wire.length).put(wire).flip()}) {
            Recorder sink = new Recorder();

            assertThat(decoder.decode(in, sink)).isTrue();
            assertThat(sink.last).isEqualTo(withoutTopic(expected));
            assertThat(in.hasRemaining()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void inPlaceDecodingWaitsForTheWholePacket(byte[] wire, MqttPacket expected) {
        byte[] consumedEarlier = bytes("de ad be ef");
        for (int available = 0; available < wire.length; available++) {
            ByteBuffer in = ByteBuffer.wrap(concat(consumedEarlier, Arrays.copyOf(wire, available)));
            in.position(consumedEarlier.length);
            Recorder sink = new Recorder();

            assertThat(decoder.decode(in, sink)).as("%d of %d bytes", available, wire.length).isFalse();
            assertThat(sink.last).isNull();
            assertThat(in.position()).isEqualTo(consumedEarlier.length);
            assertThat(in.limit()).isEqualTo(consumedEarlier.length + available);
        }
    }

    @Test
    void inPlacePayloadIndexesPointIntoTheReadersBuffer() {
        ByteBuffer in = ByteBuffer.wrap(bytes("40 02 00 07 30 08 00 03 61 6c 6c 00 68 69"));
        int[] payload = new int[2];
        MqttDecoder.Sink sink = new Recorder() {
            @Override
            public void onPublish(int qos, int packetId, boolean dup, ByteBuffer buf, int payloadFrom, int payloadTo) {
                assertThat(buf).isSameAs(in);
                payload[0] = payloadFrom;
                payload[1] = payloadTo;
            }
        };

        assertThat(decoder.decode(in, sink)).isTrue();
        assertThat(decoder.decode(in, sink)).isTrue();
        assertThat(payload).containsExactly(12, 14);
        assertThat(in.position()).isEqualTo(14);
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void inPlaceDecodingRejectsWhatTheRecordsReject(String wire) {
        ByteBuffer in = ByteBuffer.wrap(concat(bytes("d0 00"), bytes(wire)));
        Recorder sink = new Recorder();
        assertThat(decoder.decode(in, sink)).isTrue();

        assertThatThrownBy(() -> decoder.decode(in, sink)).isInstanceOf(MqttProtocolException.class);
        assertThat(sink.last).isEqualTo(new PingResp());
        assertThat(in.position()).isEqualTo(2);
        assertThat(in.limit()).isEqualTo(in.capacity());
    }

    // ---- size limit --------------------------------------------------------------------------------

    /** Remaining length ff ff ff 7f = 268,435,455: refused from the 5-byte header alone, nothing allocated. */
    @Test
    void oversizePacketIsRejectedFromItsHeaderBeforeTheBodyArrives() {
        ByteBuffer in = ByteBuffer.wrap(bytes("30 ff ff ff 7f"));

        assertThatThrownBy(() -> decoder.decode(in))
                .isInstanceOf(MqttProtocolException.class)
                .hasMessageContaining("268435460 bytes exceeds the maximum of 1024");
        assertThat(in.position()).isZero();
    }

    /** The limit counts the fixed header too, like MQTT's Maximum Packet Size. */
    @Test
    void packetOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() {
        MqttDecoder small = new MqttDecoder(12);
        byte[] twelve = bytes("32 0a 00 03 75 2f 31 00 01 00 68 69");
        byte[] thirteen = bytes("32 0b 00 03 75 2f 31 00 01 00 68 69 21");

        assertThat(small.decode(ByteBuffer.wrap(twelve))).isEqualTo(pub("u/1", 1, 1, false, "hi"));
        assertThatThrownBy(() -> small.decode(ByteBuffer.wrap(thirteen))).isInstanceOf(MqttProtocolException.class);
        assertThatThrownBy(() -> small.decode(ByteBuffer.wrap(thirteen, 0, 2)))
                .as("refused with only the header in the buffer").isInstanceOf(MqttProtocolException.class);
    }

    @Test
    void largestRemainingLengthIsAcceptedWhenTheLimitAllowsIt() {
        ByteBuffer in = ByteBuffer.wrap(bytes("30 ff ff ff 7f 00 01"));

        assertThat(new MqttDecoder(MqttDecoder.MAX_PACKET_SIZE).decode(in)).as("waits for the body").isNull();
        assertThat(in.position()).isZero();
    }

    // ---- refused -----------------------------------------------------------------------------------

    /** Client-to-server types, QoS 2 flow packets this client does not speak, AUTH and the reserved 0. */
    @ParameterizedTest
    @ValueSource(strings = {"00 00", "10 00", "50 02 00 01", "62 02 00 01", "70 02 00 01", "82 00", "b0 02 00 01",
            "c0 00", "f0 00", "00", "f0"})
    void unknownOrUnsupportedTypeIsRejectedFromItsFirstByte(String wire) {
        ByteBuffer in = ByteBuffer.wrap(bytes(wire));

        assertThatThrownBy(() -> decoder.decode(in))
                .isInstanceOf(MqttProtocolException.class)
                .hasMessageContaining("not one this client accepts");
        assertThat(in.position()).isZero();
    }

    static Stream<String> malformed() {
        return Stream.of(
                "30 ff ff ff ff 01",            // remaining length in 5 bytes
                "d0 80 00",                     // remaining length 0 in 2 bytes: not the shortest form
                "21 03 00 00 00",               // CONNACK with reserved fixed-header flags
                "d1 00",                        // PINGRESP with reserved fixed-header flags
                "42 02 00 07",                  // PUBACK with reserved fixed-header flags
                "36 06 00 01 61 00 01 00",      // PUBLISH with QoS 3
                "20 03 02 00 00",               // CONNACK acknowledge flags other than session present
                "20 01 00",                     // CONNACK ends inside a field
                "32 03 00 05 61",               // topic length 5 with 1 byte left
                "30 03 00 00 00",               // empty topic: needs a topic alias, never agreed
                "30 05 00 02 c3 28 00",         // topic not valid UTF-8
                "30 05 00 02 61 00 00",         // topic contains U+0000
                "32 08 00 03 75 2f 31 00 00 00", // QoS 1 with packet id 0
                "40 02 00 00",                  // PUBACK for packet id 0
                "40 04 00 07 10 05",            // properties of 5 bytes with none left
                "40 05 00 07 00 00 00",         // a byte left after PUBACK's last field
                "d0 01 00",                     // PINGRESP with a body
                "90 03 00 01 00",               // SUBACK without reason codes
                "e0 03 00 05 00");              // DISCONNECT properties past the end
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedPacketIsRejectedAndLeavesThePositionWhereItWas(String wire) {
        ByteBuffer in = ByteBuffer.wrap(concat(bytes("d0 00"), bytes(wire)));
        assertThat(decoder.decode(in)).isEqualTo(new PingResp());

        assertThatThrownBy(() -> decoder.decode(in)).isInstanceOf(MqttProtocolException.class);
        assertThat(in.position()).isEqualTo(2);
        assertThat(in.limit()).isEqualTo(in.capacity());
    }

    @Test
    void maxPacketSizeMustLeaveRoomForAPacket() {
        assertThatThrownBy(() -> new MqttDecoder(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MqttDecoder(MqttDecoder.MAX_PACKET_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Arguments vector(String wire, MqttPacket packet) {
        return Arguments.of(bytes(wire), packet);
    }

    private static Publish pub(String topic, int qos, int packetId, boolean dup, String payload) {
        return new Publish(topic, qos, packetId, dup, payload.getBytes(UTF_8));
    }
}
