package org.qchat.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * Finds a field in a JSON body without parsing it: the generator reads every delivered message,
 * and a full parse of each would make it, not the server, the bottleneck. Used only on bodies the
 * server wrote (its encoder puts {@code type} first and never escapes ASCII), so a literal search
 * for {@code "name":} is exact for the fields it is used on.
 */
public final class JsonScan {

    private JsonScan() {
    }

    public static byte[] key(String name) {
        return ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code body[from..to)} starts with {@code prefix}. */
    public static boolean startsWith(byte[] body, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Index just after {@code key} in {@code body[from..to)}, or -1. */
    public static int after(byte[] body, int from, int to, byte[] key) {
        int last = to - key.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < key.length; j++) {
                if (body[i + j] != key[j]) {
                    continue outer;
                }
            }
            return i + key.length;
        }
        return -1;
    }

    /** The non-negative integer at {@code at}, or -1 if there is none. */
    public static long number(byte[] body, int at, int to) {
        if (at < 0 || at >= to || body[at] < '0' || body[at] > '9') {
            return -1;
        }
        long value = 0;
        while (at < to && body[at] >= '0' && body[at] <= '9') {
            value = value * 10 + (body[at++] - '0');
        }
        return value;
    }

    /** The integer value of field {@code key}, or -1. */
    public static long longField(byte[] body, int from, int to, byte[] key) {
        int at = after(body, from, to, key);
        return at < 0 ? -1 : number(body, at, to);
    }
}
