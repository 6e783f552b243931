package org.qchat.protocol;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Generators and bookkeeping shared by the fuzz properties: raw byte soup, frame-shaped inputs,
 * valid frames from {@link WireVectors} and mutations of them, Unicode text that mixes ASCII,
 * control characters, CJK, emoji and lone surrogates. Every generator draws from the
 * {@link SplittableRandom} that {@link org.qchat.protocol.fuzz.Fuzz} hands each try, so a failure
 * reruns exactly from the seed it reports.
 */
public final class FuzzInputs {

    /** Tries per property: the issue asks for at least 10,000 per property in CI. */
    public static final int TRIES = 10_000;

    private static final int[] CONTROLS = {0x00, 0x01, 0x08, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x85, 0x9F};
    private static final int[] SPACES = {0x20, 0xA0, 0x2002, 0x200B, 0x2028, 0x3000, 0xFEFF};
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Byte strings a JSON parser reacts to, spliced into valid frames by {@link #mutatedFrame}. */
    private static final List<String> TOKENS = List.of("\"", "\\", "{", "}", "[", "]", ",", ":", "null", "true",
            "false", "0", "-0", "1e999", "-9223372036854775809", "9223372036854775808", "2147483648", "1.5",
            "\\ud800", "\\udc00", "\\u0000", "\"type\"", "\"id\"", "\"type\":\"ping\"", "\"id\":\"x\"", "//",
            "/*", "NaN", "'", "\u00ef\u00bb\u00bf", "\t", "\u2028", "{\"a\":{\"a\":1,\"a\":2}}");

    private FuzzInputs() {
    }

    // ------------------------------------------------------------------ allocation

    /** Bytes allocated by the calling thread so far (HotSpot's per-thread allocation counter). */
    public static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    // ------------------------------------------------------------------ bytes

    /** A header declaring {@code length}, big-endian. */
    public static byte[] header(int length) {
        return ByteBuffer.allocate(FrameCodec.HEADER_LENGTH).putInt(length).array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Anything a hostile or broken peer might send, weighted towards inputs that get past the header. */
    public static byte[] hostileInput(SplittableRandom random, int maxFrame) {
        // Weights 2 : 8 : 4 — short byte soup, a seeded header-and-body, a mutated valid frame.
        int pick = random.nextInt(14);
        if (pick < 2) {
            return bytes(random, 0, 64);
        }
        return pick < 10 ? seededInput(new Random(random.nextLong()), maxFrame) : mutatedFrame(random);
    }

    /** A random body (bytes or text) behind a header with its length, a length near it, or any length. */
    private static byte[] seededInput(Random random, int maxFrame) {
        byte[] body = switch (random.nextInt(3)) {
            case 0 -> seededBytes(random.nextLong(), random.nextInt(maxFrame + 17));
            case 1 -> text(random, random.nextInt(200)).getBytes(StandardCharsets.UTF_8);
            default -> seededBytes(random.nextLong(), random.nextInt(33));
        };
        int length = switch (random.nextInt(12)) {
            case 0, 1 -> body.length + random.nextInt(7) - 3;
            case 2 -> random.nextInt(maxFrame + 3) - 1;
            case 3 -> random.nextInt();
            case 4 -> new int[] {-1, 0, 1, maxFrame, maxFrame + 1, Integer.MAX_VALUE, Integer.MIN_VALUE}[random.nextInt(7)];
            default -> body.length;
        };
        return concat(header(length), body);
    }

    public static byte[] seededBytes(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** {@code min}..{@code max} random bytes. */
    public static byte[] bytes(SplittableRandom random, int min, int max) {
        byte[] bytes = new byte[min + random.nextInt(max - min + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    // ------------------------------------------------------------------ valid and mutated frames

    private static final List<WireVectors.Vector> VECTORS = WireVectors.all();

    public static WireVectors.Vector vector(SplittableRandom random) {
        return VECTORS.get(random.nextInt(VECTORS.size()));
    }

    public static byte[] frameOf(WireVectors.Vector vector) {
        byte[] body = vector.json().getBytes(StandardCharsets.UTF_8);
        return concat(header(body.length), body);
    }

    /**
     * A valid frame's body after one to five random edits (bit flips, byte changes, insertions,
     * deletions, duplicated ranges, JSON tokens spliced in, truncation), framed with its new length
     * (or, sometimes, its old one).
     */
    public static byte[] mutatedFrame(SplittableRandom random) {
        byte[] original = vector(random).json().getBytes(StandardCharsets.UTF_8);
        byte[] body = original;
        for (int edits = 1 + random.nextInt(5); edits > 0; edits--) {
            body = mutate(body, new Random(random.nextLong()));
        }
        int length = random.nextInt(10) == 0 ? original.length : body.length;
        return concat(header(length), body);
    }

    private static byte[] mutate(byte[] body, Random random) {
        int n = body.length;
        int at = n == 0 ? 0 : random.nextInt(n);
        switch (random.nextInt(7)) {
            case 0: {
                if (n == 0) {
                    return body;
                }
                byte[] out = body.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1: {
                if (n == 0) {
                    return body;
                }
                byte[] out = body.clone();
                out[at] = (byte) random.nextInt(256);
                return out;
            }
            case 2: {
                byte[] insert = new byte[1 + random.nextInt(4)];
                random.nextBytes(insert);
                return splice(body, at, 0, insert);
            }
            case 3:
                return splice(body, at, Math.min(n - at, 1 + random.nextInt(8)), new byte[0]);
            case 4: {
                int len = Math.min(n - at, 1 + random.nextInt(16));
                return splice(body, at, 0, Arrays.copyOfRange(body, at, at + len));
            }
            case 5: {
                String token = TOKENS.get(random.nextInt(TOKENS.size()));
                return splice(body, at, random.nextInt(2), token.getBytes(StandardCharsets.UTF_8));
            }
            default:
                return Arrays.copyOf(body, at);
        }
    }

    private static byte[] splice(byte[] body, int at, int remove, byte[] insert) {
        int removed = Math.min(remove, body.length - at);
        return concat(Arrays.copyOfRange(body, 0, at), insert, Arrays.copyOfRange(body, at + removed, body.length));
    }

    // ------------------------------------------------------------------ text

    /**
     * Text of {@code codePoints} code points drawn from ASCII, control characters, white space
     * (including U+3000 and U+00A0), CJK, emoji (outside the BMP), lone surrogates and any other
     * code point.
     */
    public static String text(Random random, int codePoints) {
        StringBuilder s = new StringBuilder();
        for (int n = codePoints; n > 0; n--) {
            s.appendCodePoint(codePoint(random));
        }
        return s.toString();
    }

    /** One code point: mostly printable ASCII, then CJK, emoji, controls, odd spaces, lone surrogates, anything. */
    public static int codePoint(Random random) {
        int r = random.nextInt(18);
        if (r < 6) {
            return 0x20 + random.nextInt(0x5F);
        } else if (r < 8) {
            return CONTROLS[random.nextInt(CONTROLS.length)];
        } else if (r < 10) {
            return SPACES[random.nextInt(SPACES.length)];
        } else if (r < 13) {
            return 0x4E00 + random.nextInt(0x9FFF - 0x4E00 + 1);
        } else if (r < 16) {
            return 0x1F300 + random.nextInt(0x1FAFF - 0x1F300 + 1);
        } else if (r < 17) {
            return 0xD800 + random.nextInt(0x800);
        }
        return random.nextInt(Character.MAX_CODE_POINT + 1);
    }

    /** {@code s} with every lone surrogate replaced by U+FFFD: valid Unicode, as every decoded string is. */
    public static String withoutLoneSurrogates(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(ch).append(s.charAt(++i));
            } else if (!Character.isSurrogate(ch)) {
                out.append(ch);
            } else {
                out.append('\uFFFD');
            }
        }
        return out.toString();
    }
}
