package org.qchat.bench.mqtt;

import java.util.HexFormat;

/** Wire bytes written the way a packet capture shows them: {@code "40 02 00 07"}. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String spacedHex) {
        return HexFormat.of().parseHex(spacedHex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
