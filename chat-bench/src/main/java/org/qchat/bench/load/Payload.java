package org.qchat.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of every benchmark message: {@code B<step>|<intended send time, ns>|} padded with
 * {@code x} to a fixed size. The receiver reads the step and the intended time back from it, so
 * latency is measured from when the message was scheduled, not from when it left.
 *
 * <p>Two forms of each operation: arrays and strings for tests and rare frames, and in-place
 * writing and reading on buffers ({@link #write(ByteBuffer, int, long, int)}, {@link Reader}) for
 * the generator's hot path, which allocate nothing.
 */
public final class Payload {

    /** The longest stamp: {@code B}, an int, {@code |}, a negative long, {@code |}. */
    public static final int MAX_HEAD_LENGTH = 1 + 10 + 1 + 20 + 1;

    private static final byte[] PADDING = new byte[256];

    static {
        Arrays.fill(PADDING, (byte) 'x');
    }

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

    /**
     * Puts the text of {@code size} bytes (more if the stamp is longer) at {@code out}'s position,
     * the same bytes as {@link #bytes}; returns the number written.
     */
    public static int write(ByteBuffer out, int step, long intendedNanos, int size) {
        int start = out.position();
        out.put((byte) 'B');
        putDecimal(out, step);
        out.put((byte) '|');
        putDecimal(out, intendedNanos);
        out.put((byte) '|');
        for (int padding = size - (out.position() - start); padding > 0; padding -= PADDING.length) {
            out.put(PADDING, 0, Math.min(padding, PADDING.length));
        }
        return out.position() - start;
    }

    private static void putDecimal(ByteBuffer out, long value) {
        if (value == Long.MIN_VALUE) {
            out.put(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (value < 0) {
            out.put((byte) '-');
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int at = out.position();
        for (int i = at + digits - 1; i >= at; i--) {
            out.put(i, (byte) ('0' + value % 10));
            value /= 10;
        }
        out.position(at + digits);
    }

    /** Reads the stamp at {@code from} in {@code buf}; null if there is none. */
    public static Stamp parse(byte[] buf, int from, int to) {
        Reader reader = new Reader();
        return reader.read(ByteBuffer.wrap(buf), from, to) ? new Stamp(reader.step(), reader.intendedNanos()) : null;
    }

    /**
     * Reads stamps in place, keeping the last one, so that receiving a message allocates nothing.
     * Not thread-safe: one per client or per loop.
     */
    public static final class Reader {

        private int step;
        private long intendedNanos;

        /**
         * Whether {@code buf[from, to)} (absolute indexes; position and limit are not used) starts
         * with a stamp; if so, {@link #step()} and {@link #intendedNanos()} return it.
         */
        public boolean read(ByteBuffer buf, int from, int to) {
            if (from >= to || buf.get(from) != 'B') {
                return false;
            }
            int i = from + 1;
            long s = 0;
            int digits = 0;
            byte b;
            while (i < to && (b = buf.get(i)) >= '0' && b <= '9') {
                s = s * 10 + (b - '0');
                i++;
                digits++;
            }
            if (digits == 0 || i >= to || buf.get(i) != '|') {
                return false;
            }
            i++;
            long intended = 0;
            boolean negative = i < to && buf.get(i) == '-';
            if (negative) {
                i++;
            }
            digits = 0;
            while (i < to && (b = buf.get(i)) >= '0' && b <= '9') {
                intended = intended * 10 + (b - '0');
                i++;
                digits++;
            }
            if (digits == 0 || i >= to || buf.get(i) != '|') {
                return false;
            }
            step = (int) s;
            intendedNanos = negative ? -intended : intended;
            return true;
        }

        public int step() {
            return step;
        }

        public long intendedNanos() {
            return intendedNanos;
        }
    }
}
