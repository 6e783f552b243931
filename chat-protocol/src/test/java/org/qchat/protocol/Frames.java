package org.qchat.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds raw frames by hand, independently of {@link FrameCodec#encode}. */
public final class Frames {

    private Frames() {
    }

    /** UTF-8 bytes of a string. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Big-endian 4-byte length, written byte by byte. */
    public static byte[] header(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    /** A frame whose header is the body's real length. */
    public static byte[] frame(byte[] body) {
        return concat(header(body.length), body);
    }

    public static byte[] frame(String json) {
        return frame(utf8(json));
    }

    /** Bytes given as ints, so that 0x80..0xFF need no casts. */
    public static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
