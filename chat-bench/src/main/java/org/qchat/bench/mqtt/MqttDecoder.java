package org.qchat.bench.mqtt;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;

import org.qchat.bench.mqtt.MqttPacket.ConnAck;
import org.qchat.bench.mqtt.MqttPacket.Disconnect;
import org.qchat.bench.mqtt.MqttPacket.PingResp;
import org.qchat.bench.mqtt.MqttPacket.PubAck;
import org.qchat.bench.mqtt.MqttPacket.Publish;
import org.qchat.bench.mqtt.MqttPacket.SubAck;

/**
 * Cuts the byte stream from an MQTT 5.0 broker into {@link MqttPacket}s, for a non-blocking
 * reader that hands over whatever has arrived.
 *
 * <pre>
 *   +-------------+----------------------+------------------------------------+
 *   | type  flags | remaining length VBI | body: variable header, [payload]   |
 *   | 4 bit 4 bit | 1-4 bytes            | "remaining length" bytes           |
 *   +-------------+----------------------+------------------------------------+
 *   CONNACK as Mosquitto 2.0 sends it (properties: Topic Alias Maximum 10, Receive Maximum 1000):
 *   [20 09] [00 00] [06] [22 00 0a] [21 03 e8]
 *    header  flags, reason  props len  properties, skipped
 * </pre>
 *
 * Accepted types are those a subscribing and publishing client receives: CONNACK, PUBLISH (QoS
 * 0–2), PUBACK, SUBACK, PINGRESP and DISCONNECT. Any other type, reserved fixed-header flags that
 * are not zero, a field running past the packet's end, bytes left over after its last field,
 * invalid UTF-8 and a zero packet identifier are rejected. Properties are skipped by their length.
 *
 * <p>{@code maxPacketSize} bounds the whole packet, fixed header included, as MQTT's own Maximum
 * Packet Size does. It is checked as soon as the fixed header is readable, before the body has
 * arrived and before anything is allocated for it. The broker is not told the limit (CONNECT has
 * no properties), so it must be set above the largest message the run publishes.
 *
 * <p>Two ways to take packets: {@link #decode(ByteBuffer)} returns each as a record;
 * {@link #decode(ByteBuffer, Sink)} hands a PUBLISH over in place, its topic checked but not
 * decoded and its payload not copied, and a PUBACK as its fields, so that a client receiving tens
 * of thousands of messages a second allocates nothing for them. Both accept and reject exactly the
 * same bytes.
 *
 * <p>Not thread-safe: one decoder per connection, used by the thread that reads it.
 */
public final class MqttDecoder {

    /** The largest packet MQTT can frame: fixed header byte, 4-byte length, 268,435,455 bytes. */
    public static final int MAX_PACKET_SIZE = 1 + 4 + Wire.MAX_VAR_INT;

    private static final int CONNACK = 2;
    private static final int PUBLISH = 3;
    private static final int PUBACK = 4;
    private static final int SUBACK = 9;
    private static final int PINGRESP = 13;
    private static final int DISCONNECT = 14;

    private static final PingResp PING_RESP = new PingResp();

    private final int maxPacketSize;
    /** Reused for non-ASCII strings; the decoder is single-threaded anyway. Reports bad input. */
    private final CharsetDecoder utf8 = UTF_8.newDecoder();

    /** Where {@link #decode(ByteBuffer, Sink)} hands the packets it cuts. */
    public interface Sink {

        /**
         * A PUBLISH whose payload is {@code buf[payloadFrom, payloadTo)}, absolute indexes; the bytes
         * are the reader's and valid only during the call, which must not move {@code buf}'s position
         * or limit. {@code packetId} is 0 for QoS 0.
         */
        void onPublish(int qos, int packetId, boolean dup, ByteBuffer buf, int payloadFrom, int payloadTo);

        /** A PUBACK, as {@link MqttPacket.PubAck} would carry it. */
        void onPubAck(int packetId, int reasonCode);

        /** Any other packet. */
        void onPacket(MqttPacket packet);
    }

    public MqttDecoder(int maxPacketSize) {
        if (maxPacketSize < 2 || maxPacketSize > MAX_PACKET_SIZE) {
            throw new IllegalArgumentException("maxPacketSize must be 2–" + MAX_PACKET_SIZE + ", was " + maxPacketSize);
        }
        this.maxPacketSize = maxPacketSize;
    }

    /**
     * The next whole packet from {@code buf}, its position moved past it; null, position unchanged,
     * if {@code buf} holds only part of one. Reads between position and limit only.
     *
     * @throws MqttProtocolException the packet is malformed, over {@code maxPacketSize} or of a type
     *         this client does not accept. The position is left unchanged; the connection must be
     *         closed, as nothing after a bad packet can be trusted to start where it seems to.
     */
    public MqttPacket decode(ByteBuffer buf) {
        long span = frame(buf);
        return span < 0 ? null : record(buf, span);
    }

    /**
     * Hands the next whole packet in {@code buf} to {@code sink} and moves the position past it;
     * false, position unchanged, if {@code buf} holds only part of one. PUBLISH and PUBACK, the
     * packets that flow per message, are read in place; the rest as records. Reads between
     * position and limit only.
     *
     * @throws MqttProtocolException as {@link #decode(ByteBuffer)}, for the same bytes
     */
    public boolean decode(ByteBuffer buf, Sink sink) {
        long span = frame(buf);
        if (span < 0) {
            return false;
        }
        int start = buf.position();
        int limit = buf.limit();
        int firstByte = buf.get(start) & 0xFF;
        int type = firstByte >>> 4;
        if (type != PUBLISH && type != PUBACK) {
            sink.onPacket(record(buf, span));
            return true;
        }
        int bodyEnd = (int) span;
        int qos = (firstByte >>> 1) & 0x03;
        int packetId;
        int reasonCode = MqttPacket.SUCCESS;
        int payloadFrom = bodyEnd;
        boolean decoded = false;
        buf.limit(bodyEnd).position((int) (span >>> 32));
        try {
            if (type == PUBLISH) {
                checkTopic(buf);
                packetId = qos > 0 ? packetId(buf) : 0;
                skipProperties(buf);
                payloadFrom = buf.position();
            } else {
                packetId = packetId(buf);
                if (buf.hasRemaining()) {
                    reasonCode = buf.get() & 0xFF;
                }
                if (buf.hasRemaining()) {
                    skipProperties(buf);
                }
                checkConsumed(type, buf);
            }
            decoded = true;
        } catch (BufferUnderflowException e) {
            throw new MqttProtocolException(typeName(type) + " ends inside a field");
        } finally {
            buf.limit(limit).position(decoded ? bodyEnd : start);
        }
        if (type == PUBLISH) {
            sink.onPublish(qos, packetId, (firstByte & 0x08) != 0, buf, payloadFrom, bodyEnd);
        } else {
            sink.onPubAck(packetId, reasonCode);
        }
        return true;
    }

    /** The packet framed at {@code span} (see {@link #frame}) as a record. */
    private MqttPacket record(ByteBuffer buf, long span) {
        int start = buf.position();
        int limit = buf.limit();
        int firstByte = buf.get(start) & 0xFF;
        int type = firstByte >>> 4;
        int bodyEnd = (int) span;
        boolean decoded = false;
        // Bounding the buffer to the body turns every read past the packet's end into an underflow.
        buf.limit(bodyEnd).position((int) (span >>> 32));
        try {
            MqttPacket packet = body(type, firstByte & 0x0F, buf);
            checkConsumed(type, buf);
            decoded = true;
            return packet;
        } catch (BufferUnderflowException e) {
            throw new MqttProtocolException(typeName(type) + " ends inside a field");
        } finally {
            buf.limit(limit).position(decoded ? bodyEnd : start);
        }
    }

    /**
     * Checks the fixed header at {@code buf}'s position and whether the whole packet has arrived.
     *
     * @return -1 if it has not; otherwise the absolute index of the body in the high 32 bits and of
     *         the packet's end in the low 32 bits
     */
    private long frame(ByteBuffer buf) {
        int start = buf.position();
        int limit = buf.limit();
        if (start == limit) {
            return -1;
        }
        int firstByte = buf.get(start) & 0xFF;
        int type = firstByte >>> 4;
        checkTypeAndFlags(type, firstByte & 0x0F);   // before waiting for more: an unknown type will not get better

        long varInt = Wire.getVarInt(buf, start + 1, limit);
        if (varInt < 0) {
            return -1;
        }
        int remaining = (int) varInt;
        int bodyStart = start + 1 + (int) (varInt >>> 32);
        long packetSize = (long) bodyStart - start + remaining;
        if (packetSize > maxPacketSize) {
            throw new MqttProtocolException("packet of " + packetSize + " bytes exceeds the maximum of "
                    + maxPacketSize);
        }
        if (limit - start < packetSize) {
            return -1;
        }
        return (long) bodyStart << 32 | (bodyStart + remaining);
    }

    private static void checkConsumed(int type, ByteBuffer body) {
        if (body.hasRemaining()) {
            throw new MqttProtocolException(typeName(type) + " has " + body.remaining()
                    + " bytes after its last field");
        }
    }

    private static void checkTypeAndFlags(int type, int flags) {
        switch (type) {
            case CONNACK, PUBACK, SUBACK, PINGRESP, DISCONNECT -> {
                if (flags != 0) {
                    throw new MqttProtocolException(typeName(type) + " with reserved flags " + flags);
                }
            }
            case PUBLISH -> {
                if ((flags & 0x06) == 0x06) {
                    throw new MqttProtocolException("PUBLISH with QoS 3");
                }
            }
            default -> throw new MqttProtocolException("packet type " + type + " (" + typeName(type)
                    + ") is not one this client accepts");
        }
    }

    private MqttPacket body(int type, int flags, ByteBuffer in) {
        return switch (type) {
            case CONNACK -> connAck(in);
            case PUBLISH -> publish(flags, in);
            case PUBACK -> pubAck(in);
            case SUBACK -> subAck(in);
            case PINGRESP -> PING_RESP;
            case DISCONNECT -> disconnect(in);
            default -> throw new IllegalStateException("type " + type + " passed checkTypeAndFlags");
        };
    }

    private static ConnAck connAck(ByteBuffer in) {
        int ackFlags = in.get() & 0xFF;
        if ((ackFlags & 0xFE) != 0) {
            throw new MqttProtocolException("CONNACK with reserved acknowledge flags " + ackFlags);
        }
        int reasonCode = in.get() & 0xFF;
        // A 3.1.1-only broker answers a version 5 CONNECT in its own 2-byte form (return code 1,
        // unacceptable protocol version). Decoding it lets the caller report that plainly.
        if (in.hasRemaining()) {
            skipProperties(in);
        }
        return new ConnAck(ackFlags == 1, reasonCode);
    }

    private Publish publish(int flags, ByteBuffer in) {
        boolean dup = (flags & 0x08) != 0;
        int qos = (flags >>> 1) & 0x03;
        String topic = string(in);
        if (topic.isEmpty()) {
            // Legal only with a Topic Alias, and this client never allows the broker to use one.
            throw new MqttProtocolException("PUBLISH with an empty topic name");
        }
        int packetId = qos > 0 ? packetId(in) : 0;
        skipProperties(in);
        byte[] payload = new byte[in.remaining()];
        in.get(payload);
        return new Publish(topic, qos, packetId, dup, payload);
    }

    /** PUBACK without reason code means Success; a reason code alone means no properties (3.4.2.1). */
    private static PubAck pubAck(ByteBuffer in) {
        int packetId = packetId(in);
        int reasonCode = in.hasRemaining() ? in.get() & 0xFF : MqttPacket.SUCCESS;
        if (in.hasRemaining()) {
            skipProperties(in);
        }
        return new PubAck(packetId, reasonCode);
    }

    private static SubAck subAck(ByteBuffer in) {
        int packetId = packetId(in);
        skipProperties(in);
        if (!in.hasRemaining()) {
            throw new MqttProtocolException("SUBACK without reason codes");
        }
        int[] reasonCodes = new int[in.remaining()];
        for (int i = 0; i < reasonCodes.length; i++) {
            reasonCodes[i] = in.get() & 0xFF;
        }
        return new SubAck(packetId, reasonCodes);
    }

    /** No reason code means Normal disconnection; a reason code alone means no properties (3.14.2.1). */
    private static Disconnect disconnect(ByteBuffer in) {
        int reasonCode = in.hasRemaining() ? in.get() & 0xFF : MqttPacket.SUCCESS;
        if (in.hasRemaining()) {
            skipProperties(in);
        }
        return new Disconnect(reasonCode);
    }

    private static int packetId(ByteBuffer in) {
        int packetId = in.getShort() & 0xFFFF;
        if (packetId == 0) {
            throw new MqttProtocolException("packet identifier 0");
        }
        return packetId;
    }

    private static void skipProperties(ByteBuffer in) {
        long varInt = Wire.getVarInt(in, in.position(), in.limit());
        if (varInt < 0) {
            throw new BufferUnderflowException();
        }
        int start = in.position() + (int) (varInt >>> 32);
        int length = (int) varInt;
        if (length > in.limit() - start) {
            throw new MqttProtocolException("properties of " + length + " bytes run past the packet's end");
        }
        in.position(start + length);
    }

    /** An MQTT UTF-8 string: well-formed UTF-8 without U+0000 (spec 1.5.4). */
    private String string(ByteBuffer in) {
        int length = in.getShort() & 0xFFFF;
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        int at = in.position();
        String s;
        if (ascii(in, at, length) && in.hasArray()) {
            // Topics are ASCII in practice; this skips the charset decoder's buffers.
            s = new String(in.array(), in.arrayOffset() + at, length, ISO_8859_1);
        } else {
            s = utf8(in, at, length);
        }
        in.position(at + length);
        return s;
    }

    /** A PUBLISH's topic name, checked as {@link #string} and {@link #publish} check it, and skipped. */
    private void checkTopic(ByteBuffer in) {
        int length = in.getShort() & 0xFFFF;
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        int at = in.position();
        if (!ascii(in, at, length)) {
            utf8(in, at, length);
        }
        if (length == 0) {
            throw new MqttProtocolException("PUBLISH with an empty topic name");
        }
        in.position(at + length);
    }

    /** Whether {@code in[at, at + length)} is ASCII; rejects U+0000. */
    private static boolean ascii(ByteBuffer in, int at, int length) {
        boolean ascii = true;
        for (int i = at; i < at + length; i++) {
            byte b = in.get(i);
            if (b == 0) {
                throw new MqttProtocolException("string contains U+0000");
            }
            ascii &= b > 0;
        }
        return ascii;
    }

    private String utf8(ByteBuffer in, int at, int length) {
        try {
            return utf8.decode(in.slice(at, length)).toString();
        } catch (CharacterCodingException e) {
            throw new MqttProtocolException("string is not valid UTF-8");
        }
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0 -> "reserved";
            case 1 -> "CONNECT";
            case CONNACK -> "CONNACK";
            case PUBLISH -> "PUBLISH";
            case PUBACK -> "PUBACK";
            case 5 -> "PUBREC";
            case 6 -> "PUBREL";
            case 7 -> "PUBCOMP";
            case 8 -> "SUBSCRIBE";
            case SUBACK -> "SUBACK";
            case 10 -> "UNSUBSCRIBE";
            case 11 -> "UNSUBACK";
            case 12 -> "PINGREQ";
            case PINGRESP -> "PINGRESP";
            case DISCONNECT -> "DISCONNECT";
            default -> "AUTH";
        };
    }
}
