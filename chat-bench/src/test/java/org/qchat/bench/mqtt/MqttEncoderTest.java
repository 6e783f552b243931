package org.qchat.bench.mqtt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.qchat.bench.mqtt.Hex.bytes;
import static org.qchat.bench.mqtt.Hex.hex;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qchat.bench.mqtt.MqttPacket.Disconnect;
import org.qchat.bench.mqtt.MqttPacket.PubAck;
import org.qchat.bench.mqtt.MqttPacket.Publish;

/**
 * Every packet the client sends, byte for byte, against vectors derived by hand from the MQTT 5.0
 * spec; then the ones the decoder also reads, round-tripped.
 */
class MqttEncoderTest {

    private final MqttDecoder decoder = new MqttDecoder(MqttDecoder.MAX_PACKET_SIZE);

    @Test
    void connectIsVersion5WithCleanStartAndNoProperties() {
        assertThat(hex(MqttEncoder.connect("c1", 60))).isEqualTo(String.join(" ",
                "10",                   // type 1 (CONNECT) << 4, flags 0000
                "0f",                   // remaining length 15 = 7 + 1 + 2 + 1 + 4
                "00 04 4d 51 54 54",    // protocol name "MQTT", 2-byte length (3.1.2.1)
                "05",                   // protocol version 5 (3.1.2.2)
                "02",                   // connect flags: Clean Start only (bit 1); no will, user name, password
                "00 3c",                // keep alive 60 s
                "00",                   // property length 0
                "00 02 63 31"));        // payload: client id "c1"
    }

    @Test
    void connectAcceptsAnEmptyClientIdForTheBrokerToAssignOne() {
        assertThat(hex(MqttEncoder.connect("", 0))).isEqualTo("10 0d 00 04 4d 51 54 54 05 02 00 00 00 00 00");
    }

    @Test
    void subscribeCarriesOneFilterWithItsOptionsByte() {
        assertThat(hex(MqttEncoder.subscribe(1, "u/1", 1, false))).isEqualTo(String.join(" ",
                "82",                   // type 8 (SUBSCRIBE) << 4, reserved flags 0010 (3.8.1)
                "09",                   // remaining length 9 = 2 + 1 + 5 + 1
                "00 01",                // packet id 1
                "00",                   // property length 0
                "00 03 75 2f 31",       // topic filter "u/1"
                "01"));                 // options: maximum QoS 1, No Local 0
    }

    @Test
    void subscribeWithNoLocalSetsBitTwoOfTheOptions() {
        assertThat(hex(MqttEncoder.subscribe(10, "g/1", 1, true)))
                .isEqualTo("82 09 00 0a 00 00 03 67 2f 31 05");   // options 0x05 = QoS 1 | No Local << 2
        assertThat(hex(MqttEncoder.subscribe(0xFFFF, "all", 0, true)))
                .isEqualTo("82 09 ff ff 00 00 03 61 6c 6c 04");
    }

    @Test
    void publishAtQos1CarriesAPacketId() {
        assertThat(hex(MqttEncoder.publish("u/1", 1, 7, "hi".getBytes(UTF_8)))).isEqualTo(String.join(" ",
                "32",                   // type 3 (PUBLISH) << 4 | QoS 1 << 1; DUP and RETAIN 0
                "0a",                   // remaining length 10 = 5 + 2 + 1 + 2
                "00 03 75 2f 31",       // topic "u/1"
                "00 07",                // packet id 7
                "00",                   // property length 0
                "68 69"));              // payload "hi", to the end of the packet
    }

    @Test
    void publishAtQos0HasNoPacketId() {
        assertThat(hex(MqttEncoder.publish("all", 0, 0, new byte[] {'x'})))
                .isEqualTo("30 07 00 03 61 6c 6c 00 78");   // remaining 7 = 5 + 1 + 1
        assertThat(hex(MqttEncoder.publish("all", 0, 999, new byte[0])))
                .as("packet id ignored at QoS 0").isEqualTo("30 06 00 03 61 6c 6c 00");
    }

    @Test
    void pubackIsTheTwoByteFormThatMeansSuccess() {
        assertThat(hex(MqttEncoder.puback(7))).isEqualTo("40 02 00 07");     // type 4 << 4, length 2, packet id
        assertThat(hex(MqttEncoder.puback(0x1234))).isEqualTo("40 02 12 34");
    }

    @ParameterizedTest
    @CsvSource({"u/1, 0, 0, 200", "g/42, 1, 1, 200", "all, 1, 65535, 0", "g/\u00e9\uD83D\uDE00, 1, 300, 16380"})
    void aPublishHeaderAndItsPayloadAreThePublishPacket(String topic, int qos, int packetId, int payloadLength) {
        byte[] payload = new byte[payloadLength];
        Arrays.fill(payload, (byte) 'x');
        MqttEncoder.PublishHeader header = MqttEncoder.publishHeader(topic, qos, payloadLength);
        ByteBuffer out = ByteBuffer.allocate(header.packetLength() + 3).put(bytes("aa bb cc"));

        header.write(out, packetId);
        out.put(payload);

        assertThat(out.hasRemaining()).as("packetLength() is the whole packet").isFalse();
        assertThat(hex(Arrays.copyOfRange(out.array(), 3, out.position())))
                .isEqualTo(hex(MqttEncoder.publish(topic, qos, packetId, payload)));
    }

    @Test
    void aPublishHeaderIsWrittenAgainWithEachPacketId() {
        MqttEncoder.PublishHeader header = MqttEncoder.publishHeader("u/1", 1, 2);
        ByteBuffer out = ByteBuffer.allocate(2 * header.packetLength());

        header.write(out, 7);
        out.put("hi".getBytes(UTF_8));
        header.write(out, 8);
        out.put("ho".getBytes(UTF_8));

        assertThat(hex(out.array())).isEqualTo("32 0a 00 03 75 2f 31 00 07 00 68 69 32 0a 00 03 75 2f 31 00 08 00 68 6f");
    }

    @Test
    void aPublishHeaderChecksWhatPublishChecks() {
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.publishHeader("g/+", 0, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.publishHeader("u/1", 2, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.publishHeader("u/1", 0, -1));
        MqttEncoder.PublishHeader qos1 = MqttEncoder.publishHeader("u/1", 1, 10);
        assertThatIllegalArgumentException().isThrownBy(() -> qos1.write(ByteBuffer.allocate(64), 0));
    }

    @Test
    void pubackIntoABufferIsThePubackArray() {
        ByteBuffer out = ByteBuffer.allocate(MqttEncoder.PUBACK_LENGTH);

        MqttEncoder.puback(out, 0x1234);

        assertThat(out.hasRemaining()).isFalse();
        assertThat(hex(out.array())).isEqualTo(hex(MqttEncoder.puback(0x1234)));
    }

    @Test
    void pingreqAndDisconnectHaveNoBody() {
        assertThat(hex(MqttEncoder.pingreq())).isEqualTo("c0 00");       // type 12 << 4
        assertThat(hex(MqttEncoder.disconnect())).isEqualTo("e0 00");    // type 14 << 4; reason 0 left out
    }

    @Test
    void eachCallReturnsAFreshArraySoCallersMayReuseOrModifyIt() {
        byte[] first = MqttEncoder.pingreq();
        first[0] = 0;
        assertThat(hex(MqttEncoder.pingreq())).isEqualTo("c0 00");
    }

    /** Payload sizes chosen so the remaining length (4 + payload for topic "a", QoS 0) hits each boundary. */
    @ParameterizedTest
    @CsvSource({"127, 7f", "128, 80 01", "16383, ff 7f", "16384, 80 80 01", "2097151, ff ff 7f", "2097152, 80 80 80 01"})
    void publishRemainingLengthCrossesEveryVariableByteIntegerBoundary(int remaining, String lengthBytes) {
        byte[] payload = new byte[remaining - 4];
        payload[payload.length - 1] = 42;

        byte[] packet = MqttEncoder.publish("a", 0, 0, payload);

        byte[] header = Hex.bytes("30 " + lengthBytes);
        assertThat(hex(Arrays.copyOf(packet, header.length))).isEqualTo(hex(header));
        assertThat(packet).hasSize(header.length + remaining);
        ByteBuffer in = ByteBuffer.wrap(packet);
        assertThat(decoder.decode(in)).isEqualTo(new Publish("a", 0, 0, false, payload));
        assertThat(in.hasRemaining()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"u/1, 0, 0", "g/42, 1, 1", "all, 1, 65535", "g/\u00e9\uD83D\uDE00, 1, 300"})
    void publishRoundTripsThroughTheDecoder(String topic, int qos, int packetId) {
        byte[] payload = ("message to " + topic).getBytes(UTF_8);

        MqttPacket decoded = decoder.decode(ByteBuffer.wrap(MqttEncoder.publish(topic, qos, packetId, payload)));

        assertThat(decoded).isEqualTo(new Publish(topic, qos, packetId, false, payload));
    }

    @Test
    void pubackAndDisconnectRoundTripThroughTheDecoder() {
        assertThat(decoder.decode(ByteBuffer.wrap(MqttEncoder.puback(513)))).isEqualTo(new PubAck(513, 0));
        assertThat(decoder.decode(ByteBuffer.wrap(MqttEncoder.disconnect()))).isEqualTo(new Disconnect(0));
    }

    @Test
    void argumentsMqttDoesNotAllowAreRefusedBeforeReachingTheBroker() {
        byte[] p = {1};
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.publish("u/1", 2, 1, p));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.publish("u/1", 1, 0, p));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.publish("u/1", 1, 65536, p));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.publish("", 0, 0, p));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.publish("g/+", 0, 0, p));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.publish("g/#", 0, 0, p));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.subscribe(1, "", 1, false));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.subscribe(0, "u/1", 1, false));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.subscribe(1, "u/1", 3, false));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.connect("c\u0000", 60));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.connect("c", 65536));
        assertThatIllegalArgumentException().isThrownBy(() -> MqttEncoder.puback(0));
    }
}
