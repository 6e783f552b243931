package org.qchat.protocol;

/**
 * Well-formed UTF-8 as RFC 3629 defines it, checked without decoding: no overlong forms, no
 * encoded surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequence. The same
 * bytes the JDK's strict decoder accepts; it just allocates nothing, and an all-ASCII body (most
 * frames) costs one pass of byte comparisons.
 */
final class Utf8 {

    private Utf8() {
    }

    static boolean isWellFormed(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int lead = b & 0xFF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                if (i + 1 >= n || !isContinuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                if (i + 2 >= n) {
                    return false;
                }
                int second = bytes[i + 1] & 0xFF;
                // E0 needs A0..BF (else overlong); ED needs 80..9F (else a surrogate).
                int min = lead == 0xE0 ? 0xA0 : 0x80;
                int max = lead == 0xED ? 0x9F : 0xBF;
                if (second < min || second > max || !isContinuation(bytes[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                if (i + 3 >= n) {
                    return false;
                }
                int second = bytes[i + 1] & 0xFF;
                // F0 needs 90..BF (else overlong); F4 needs 80..8F (else above U+10FFFF).
                int min = lead == 0xF0 ? 0x90 : 0x80;
                int max = lead == 0xF4 ? 0x8F : 0xBF;
                if (second < min || second > max || !isContinuation(bytes[i + 2]) || !isContinuation(bytes[i + 3])) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
