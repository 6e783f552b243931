package org.qchat.bench.mqtt;

import java.nio.ByteBuffer;

/**
 * The two MQTT data encodings that both directions share: the Variable Byte Integer (spec 1.5.5)
 * and the length-prefixed UTF-8 string (spec 1.5.4). Writes go straight into the caller's array so
 * that an encoded packet costs one allocation, the packet itself.
 */
final class Wire {

    /** Largest value a Variable Byte Integer can hold: four bytes of seven bits. */
    static final int MAX_VAR_INT = 268_435_455;
    /** Largest UTF-8 string: its length prefix is an unsigned 16-bit integer. */
    static final int MAX_STRING_BYTES = 0xFFFF;

    private Wire() {
    }

    /** Number of bytes {@code value} takes as a Variable Byte Integer. */
    static int varIntSize(int value) {
        if (value < 0 || value > MAX_VAR_INT) {
            throw new IllegalArgumentException("not a Variable Byte Integer: " + value);
        }
        if (value < 128) {
            return 1;
        }
        if (value < 16_384) {
            return 2;
        }
        return value < 2_097_152 ? 3 : 4;
    }

    /** Writes {@code value} as a Variable Byte Integer at {@code at}; returns the index after it. */
    static int putVarInt(byte[] dst, int at, int value) {
        varIntSize(value);
        do {
            int digit = value & 0x7F;
            value >>>= 7;
            dst[at++] = (byte) (value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
        return at;
    }

    /**
     * Reads a Variable Byte Integer at absolute index {@code at} of {@code buf}, reading nothing at
     * or after {@code limit}; the buffer's position is not used or moved.
     *
     * @return {@code -1} if the integer does not end before {@code limit}; otherwise the value in the
     *         low 32 bits and the number of bytes it took in the high 32 bits
     * @throws MqttProtocolException a fourth byte still has its continuation bit set, or the
     *         encoding is longer than needed (both malformed, spec 1.5.5)
     */
    static long getVarInt(ByteBuffer buf, int at, int limit) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            if (at + i >= limit) {
                return -1;
            }
            int b = buf.get(at + i) & 0xFF;
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                // A last byte of zero after the first adds nothing: the spec requires the shortest form.
                if (b == 0 && i > 0) {
                    throw new MqttProtocolException("Variable Byte Integer is not in its shortest form");
                }
                return (long) (i + 1) << 32 | value;
            }
        }
        throw new MqttProtocolException("Variable Byte Integer longer than 4 bytes");
    }

    /**
     * Number of bytes {@code s} takes in UTF-8, checked against what MQTT allows in a string: no
     * U+0000 and no unpaired surrogate (spec 1.5.4), at most {@value #MAX_STRING_BYTES} bytes.
     * Checking here keeps {@link String#getBytes}'s silent '?' replacement off the wire.
     */
    static int utf8Length(String s, String what) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException(what + " contains U+0000, which MQTT forbids");
            } else if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " contains an unpaired surrogate at index " + i);
            } else {
                length += 3;
            }
        }
        if (length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException(what + " is " + length + " bytes in UTF-8, over MQTT's 65535");
        }
        return length;
    }

    /**
     * Writes {@code s} as an MQTT string (2-byte length, then UTF-8) at {@code at}; returns the
     * index after it. {@code utf8Length} is the value {@link #utf8Length} returned for {@code s}.
     */
    static int putUtf8(byte[] dst, int at, String s, int utf8Length) {
        at = putShort(dst, at, utf8Length);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                dst[at++] = (byte) c;
            } else if (c < 0x800) {
                dst[at++] = (byte) (0xC0 | c >> 6);
                dst[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                dst[at++] = (byte) (0xF0 | cp >> 18);
                dst[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                dst[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                dst[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                dst[at++] = (byte) (0xE0 | c >> 12);
                dst[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                dst[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return at;
    }

    /** Writes a big-endian unsigned 16-bit integer (spec 1.5.2); returns the index after it. */
    static int putShort(byte[] dst, int at, int value) {
        dst[at] = (byte) (value >>> 8);
        dst[at + 1] = (byte) value;
        return at + 2;
    }
}
