package org.qchat.bench.mqtt;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Builds the MQTT 5.0 packets a benchmark client sends. Each method that returns an array returns
 * the whole packet in one exact-size array, ready for a single socket write; nothing else is
 * allocated.
 *
 * <pre>
 *   fixed header          variable header                         payload
 *   +------+-----------+  +---------------+-----------+--------+  +---------+
 *   | type | remaining |  | topic         | packet id | props  |  | payload |
 *   | flags| length VBI|  | (2-byte len)  | (QoS &gt; 0) | len 0  |  |         |
 *   +------+-----------+  +---------------+-----------+--------+  +---------+
 *   PUBLISH QoS 1, topic "u/1", packet id 7, payload "hi":
 *   [32 0a] [00 03 75 2f 31] [00 07] [00] [68 69]
 * </pre>
 *
 * For the packets that flow per message there are in-place forms: {@link #publishHeader} encodes
 * and checks the part of a PUBLISH before its payload once, for a client that then writes each
 * message's packet id and payload straight into its socket buffer; {@link #puback(ByteBuffer, int)}
 * writes into a buffer too.
 *
 * <p>The remaining length is a Variable Byte Integer of at most 4 bytes, so no packet body exceeds
 * 268,435,455 bytes. Only QoS 0 and 1 are offered: QoS 2 needs PUBREC/PUBREL/PUBCOMP, which this
 * subset does not speak. Arguments MQTT does not allow throw {@link IllegalArgumentException}
 * here rather than reach the broker, which would answer them by disconnecting. Stateless and
 * thread-safe.
 */
public final class MqttEncoder {

    /** A PUBACK in the short form this client sends. */
    public static final int PUBACK_LENGTH = 4;

    private static final int CONNECT = 0x10;
    private static final int PUBLISH = 0x30;
    private static final int PUBACK = 0x40;
    /** SUBSCRIBE's fixed-header flags are reserved as 0010 (spec 3.8.1). */
    private static final int SUBSCRIBE = 0x82;
    private static final int PINGREQ = 0xC0;
    private static final int DISCONNECT = 0xE0;

    /** Protocol name "MQTT", protocol version 5. */
    private static final byte[] PROTOCOL = {0x00, 0x04, 'M', 'Q', 'T', 'T', 0x05};
    /** Connect flags: only Clean Start (bit 1); no will, user name or password. */
    private static final int CLEAN_START = 0x02;

    private MqttEncoder() {
    }

    /** CONNECT with Clean Start, no will, no credentials and no properties. */
    public static byte[] connect(String clientId, int keepAliveSeconds) {
        checkRange("keepAliveSeconds", keepAliveSeconds, 0, 0xFFFF);
        int idLength = Wire.utf8Length(clientId, "client id");
        // protocol name and version, connect flags, keep alive, property length 0, client id
        int remaining = PROTOCOL.length + 1 + 2 + 1 + 2 + idLength;
        byte[] packet = new byte[1 + Wire.varIntSize(remaining) + remaining];
        int at = header(packet, CONNECT, remaining);
        System.arraycopy(PROTOCOL, 0, packet, at, PROTOCOL.length);
        at += PROTOCOL.length;
        packet[at++] = CLEAN_START;
        at = Wire.putShort(packet, at, keepAliveSeconds);
        packet[at++] = 0;
        Wire.putUtf8(packet, at, clientId, idLength);
        return packet;
    }

    /**
     * SUBSCRIBE to one filter. The options byte carries the maximum QoS in bits 0–1 and No Local in
     * bit 2; Retain As Published and Retain Handling stay 0 (send retained messages on subscribe).
     */
    public static byte[] subscribe(int packetId, String topicFilter, int qos, boolean noLocal) {
        checkPacketId(packetId);
        checkQos(qos);
        int filterLength = Wire.utf8Length(topicFilter, "topic filter");
        if (filterLength == 0) {
            throw new IllegalArgumentException("topic filter is empty");
        }
        // packet id, property length 0, filter, options
        int remaining = 2 + 1 + 2 + filterLength + 1;
        byte[] packet = new byte[1 + Wire.varIntSize(remaining) + remaining];
        int at = header(packet, SUBSCRIBE, remaining);
        at = Wire.putShort(packet, at, packetId);
        packet[at++] = 0;
        at = Wire.putUtf8(packet, at, topicFilter, filterLength);
        packet[at] = (byte) (qos | (noLocal ? 0x04 : 0));
        return packet;
    }

    /**
     * PUBLISH with DUP and RETAIN clear and no properties. {@code packetId} must be 1–65535 for
     * QoS 1 and is ignored for QoS 0, which carries none.
     */
    public static byte[] publish(String topic, int qos, int packetId, byte[] payload) {
        checkQos(qos);
        if (qos > 0) {
            checkPacketId(packetId);
        }
        int topicLength = Wire.utf8Length(topic, "topic");
        // A topic alias would allow an empty name, but none is agreed; wildcards only filter.
        if (topicLength == 0 || topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            throw new IllegalArgumentException("not a topic name for PUBLISH: '" + topic + "'");
        }
        // topic, packet id (QoS > 0), property length 0, payload
        long remaining = 2L + topicLength + (qos > 0 ? 2 : 0) + 1 + payload.length;
        if (remaining > Wire.MAX_VAR_INT) {
            throw new IllegalArgumentException("PUBLISH body of " + remaining + " bytes exceeds MQTT's "
                    + Wire.MAX_VAR_INT);
        }
        byte[] packet = new byte[1 + Wire.varIntSize((int) remaining) + (int) remaining];
        int at = header(packet, PUBLISH | qos << 1, (int) remaining);
        at = Wire.putUtf8(packet, at, topic, topicLength);
        if (qos > 0) {
            at = Wire.putShort(packet, at, packetId);
        }
        packet[at++] = 0;
        System.arraycopy(payload, 0, packet, at, payload.length);
        return packet;
    }

    /**
     * The part of a PUBLISH to {@code topic} before a payload of {@code payloadLength} bytes, checked
     * as {@link #publish} checks it: the same bytes as {@code publish(topic, qos, packetId, payload)}
     * up to the payload.
     */
    public static PublishHeader publishHeader(String topic, int qos, int payloadLength) {
        if (payloadLength < 0) {
            throw new IllegalArgumentException("payloadLength must not be negative: " + payloadLength);
        }
        byte[] whole = publish(topic, qos, 1, new byte[payloadLength]);
        byte[] header = Arrays.copyOf(whole, whole.length - payloadLength);
        // The packet id, if any, is followed only by the property length (0).
        return new PublishHeader(header, qos > 0 ? header.length - 3 : -1, payloadLength);
    }

    /** A PUBLISH without its payload, ready to be written per message. Immutable and thread-safe. */
    public static final class PublishHeader {

        private final byte[] bytes;
        private final int packetIdAt;
        private final int payloadLength;

        private PublishHeader(byte[] bytes, int packetIdAt, int payloadLength) {
            this.bytes = bytes;
            this.packetIdAt = packetIdAt;
            this.payloadLength = payloadLength;
        }

        /** The whole packet's length: this header and the payload that must follow it. */
        public int packetLength() {
            return bytes.length + payloadLength;
        }

        public int payloadLength() {
            return payloadLength;
        }

        /**
         * Puts the header at {@code out}'s position, with {@code packetId} (1–65535) at QoS 1; at QoS 0
         * the id is ignored. Exactly {@link #payloadLength()} bytes of payload must be put after it.
         */
        public void write(ByteBuffer out, int packetId) {
            int at = out.position();
            out.put(bytes);
            if (packetIdAt >= 0) {
                checkPacketId(packetId);
                out.putShort(at + packetIdAt, (short) packetId);
            }
        }
    }

    /**
     * PUBACK in its shortest form: with reason Success and no properties the reason code and
     * property length may be left out (spec 3.4.2.1), which saves two bytes per acknowledged message.
     */
    public static byte[] puback(int packetId) {
        checkPacketId(packetId);
        byte[] packet = new byte[4];
        header(packet, PUBACK, 2);
        Wire.putShort(packet, 2, packetId);
        return packet;
    }

    /** {@link #puback(int)} put at {@code out}'s position: {@value #PUBACK_LENGTH} bytes. */
    public static void puback(ByteBuffer out, int packetId) {
        checkPacketId(packetId);
        out.put((byte) PUBACK).put((byte) 2).putShort((short) packetId);
    }

    public static byte[] pingreq() {
        return new byte[] {(byte) PINGREQ, 0};
    }

    /** DISCONNECT with reason Normal disconnection, left out as the spec allows (3.14.2.1). */
    public static byte[] disconnect() {
        return new byte[] {(byte) DISCONNECT, 0};
    }

    private static int header(byte[] packet, int firstByte, int remaining) {
        packet[0] = (byte) firstByte;
        return Wire.putVarInt(packet, 1, remaining);
    }

    private static void checkPacketId(int packetId) {
        checkRange("packetId", packetId, 1, 0xFFFF);
    }

    private static void checkQos(int qos) {
        checkRange("qos", qos, 0, 1);
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + "–" + max + ", was " + value);
        }
    }
}
