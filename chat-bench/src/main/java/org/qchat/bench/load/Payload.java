package org.qchat.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of every benchmark message: {@code B<step>|<intended send time, ns>|} padded with
 * {@code x} to a fixed size. The receiver reads the step and the intended time back from it, so
 * latency is measured from when the message was scheduled, not from when it left.
 */
public final class Payload {

    /** A message's step and intended send time, as read back from its text. */
    public record Stamp(int step, long intendedNanos) {
    }

    private Payload() {
    }

    /** ASCII text of exactly {@code size} bytes (at least the stamp's length). */
    public static String text(int step, long intendedNanos, int size) {
        String head = "B" + step + "|" + intendedNanos + "|";
        if (head.length() >= size) {
            return head;
        }
        char[] pad = new char[size - head.length()];
        Arrays.fill(pad, 'x');
        return head + new String(pad);
    }

    public static byte[] bytes(int step, long intendedNanos, int size) {
        return text(step, intendedNanos, size).getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the stamp at {@code from} in {@code buf}; null if there is none. */
    public static Stamp parse(byte[] buf, int from, int to) {
        if (from >= to || buf[from] != 'B') {
            return null;
        }
        int i = from + 1;
        long step = 0;
        int digits = 0;
        while (i < to && buf[i] >= '0' && buf[i] <= '9') {
            step = step * 10 + (buf[i++] - '0');
            digits++;
        }
        if (digits == 0 || i >= to || buf[i] != '|') {
            return null;
        }
        i++;
        long intended = 0;
        boolean negative = i < to && buf[i] == '-';
        if (negative) {
            i++;
        }
        digits = 0;
        while (i < to && buf[i] >= '0' && buf[i] <= '9') {
            intended = intended * 10 + (buf[i++] - '0');
            digits++;
        }
        if (digits == 0 || i >= to || buf[i] != '|') {
            return null;
        }
        return new Stamp((int) step, negative ? -intended : intended);
    }
}
