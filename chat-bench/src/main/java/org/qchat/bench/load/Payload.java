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
        byte[] head = head(step, intendedNanos);
        byte[] out = new byte[Math.max(size, head.length)];
        write(head, out, 0, size);
        return out;
    }

    /** The stamp itself, {@code B<step>|<intended>|}, as ASCII. */
    public static byte[] head(int step, long intendedNanos) {
        return ("B" + step + "|" + intendedNanos + "|").getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the text for {@code head} into {@code out} at {@code at}; returns the number of bytes written. */
    public static int write(byte[] head, byte[] out, int at, int size) {
        System.arraycopy(head, 0, out, at, head.length);
        int padding = size - head.length;
        if (padding > 0) {
            Arrays.fill(out, at + head.length, at + size, (byte) 'x');
        }
        return Math.max(size, head.length);
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
