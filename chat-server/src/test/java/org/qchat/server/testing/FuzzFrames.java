package org.qchat.server.testing;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.qchat.protocol.FileChunk;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketRegistry;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.Request;
import org.qchat.protocol.packet.DownloadFile;
import org.qchat.protocol.packet.Login;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.Register;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.Sync;
import org.qchat.protocol.packet.UploadFile;

/**
 * Hostile frames for the network fuzz test, all derived from a {@link Random}: byte soup, request
 * objects of every request type with randomly typed fields (small ids, so that they hit real rows),
 * mutated valid frames, and headers that lie about the length.
 */
public final class FuzzFrames {

    private static final FrameCodec CODEC = new FrameCodec();
    private static final List<Class<? extends Packet>> REQUESTS = PacketRegistry.all().stream()
            .filter(Request.class::isAssignableFrom).toList();

    private FuzzFrames() {
    }

    public static byte[] bytes(Random random, int max) {
        byte[] bytes = new byte[1 + random.nextInt(max)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A header declaring more than {@code maxFrame}, or a negative or zero length, then a few bytes. */
    public static byte[] lyingHeader(Random random, int maxFrame) {
        int length = switch (random.nextInt(4)) {
            case 0 -> maxFrame + 1 + random.nextInt(1 << 20);
            case 1 -> Integer.MAX_VALUE;
            case 2 -> -1 - random.nextInt(Integer.MAX_VALUE);
            default -> 0;
        };
        return concat(ByteBuffer.allocate(4).putInt(length).array(), bytes(random, 64));
    }

    /** A well-framed JSON object of a random request type with random, often wrongly typed, fields. */
    public static byte[] randomRequest(Random random) {
        Class<? extends Packet> type = REQUESTS.get(random.nextInt(REQUESTS.size()));
        StringBuilder json = new StringBuilder("{\"type\":").append(string(random, PacketRegistry.typeOf(type)));
        for (RecordComponent component : type.getRecordComponents()) {
            if (random.nextInt(10) > 0) {
                json.append(',').append(string(random, component.getName())).append(':')
                        .append(random.nextInt(6) > 0 ? typedValue(random, component.getGenericType(), 0)
                                : anyValue(random, 0));
            }
        }
        return FrameCodec.frame(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A valid frame of a common request (or an upload's first request, or one of its data frames),
     * then one to four random edits of its bytes.
     */
    public static byte[] mutatedRequest(Random random, long convId) {
        String id = "m" + random.nextInt(1000);
        byte[] frame = switch (random.nextInt(8)) {
            case 0 -> CODEC.encode(new Ping(id));
            case 1 -> CODEC.encode(new Login(id, ProtocolVersion.CURRENT, "user_" + random.nextInt(100), "password-1", null));
            case 2 -> CODEC.encode(new Register(id, ProtocolVersion.CURRENT, "fz_" + random.nextInt(1 << 20), "password-1",
                    null, null));
            case 3 -> CODEC.encode(new SendMessage(id, convId, "c" + random.nextLong(), "hello 你好 👋"));
            case 4 -> CODEC.encode(new UploadFile(id, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    1 + random.nextInt(1 << 20), "fuzz.bin"));
            case 5 -> CODEC.encode(new DownloadFile(id, convId, 1 + random.nextInt(5), random.nextInt(1000)));
            case 6 -> {
                byte[] data = bytes(random, 2048);
                yield data.length == 0 ? CODEC.encode(new Sync(id)) : FileChunk.frame(FileChunk.Direction.UPLOAD,
                        1 + random.nextInt(4), random.nextInt(1 << 16), data, 0, data.length);
            }
            default -> CODEC.encode(new Sync(id));
        };
        for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
            int at = random.nextInt(frame.length);
            switch (random.nextInt(4)) {
                case 0 -> frame[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> frame[at] = (byte) random.nextInt(256);
                case 2 -> frame = concat(Arrays.copyOf(frame, at), bytes(random, 4), Arrays.copyOfRange(frame, at, frame.length));
                default -> frame = concat(Arrays.copyOf(frame, at), Arrays.copyOfRange(frame, Math.min(frame.length, at + 1 + random.nextInt(6)), frame.length));
            }
        }
        return frame;
    }

    private static String typedValue(Random random, Type type, int depth) {
        if (random.nextInt(20) == 0) {
            return "null";
        }
        if (type instanceof ParameterizedType list) {
            List<String> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(typedValue(random, list.getActualTypeArguments()[0], depth + 1));
            }
            return "[" + String.join(",", items) + "]";
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return string(random, text(random, random.nextInt(24)));
        }
        if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
            return switch (random.nextInt(8)) {
                case 0 -> "0";
                case 1 -> "-1";
                case 2 -> Long.toString(random.nextLong());
                case 3 -> "99999999999999999999";
                default -> Integer.toString(1 + random.nextInt(40));
            };
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return random.nextBoolean() ? "true" : "false";
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return string(random, ((Enum<?>) constants[random.nextInt(constants.length)]).name().toLowerCase(Locale.ROOT));
        }
        return anyValue(random, depth);
    }

    private static String anyValue(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 4 : 6)) {
            case 0 -> string(random, text(random, random.nextInt(10)));
            case 1 -> Long.toString(random.nextLong());
            case 2 -> random.nextBoolean() ? "true" : "1.5e300";
            case 3 -> "null";
            case 4 -> "[" + anyValue(random, depth + 1) + "," + anyValue(random, depth + 1) + "]";
            default -> "{\"k\":" + anyValue(random, depth + 1) + "}";
        };
    }

    /** A JSON string literal; lone surrogates (which {@link #text} produces) become escapes. */
    private static String string(Random random, String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean pair = Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20 || Character.isSurrogate(ch) && !pair || random.nextInt(8) == 0 && ch > 0x7E) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
                if (pair) {
                    out.append(s.charAt(++i));
                }
            }
        }
        return out.append('"').toString();
    }

    private static String text(Random random, int codePoints) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            int r = random.nextInt(10);
            s.appendCodePoint(r < 5 ? 0x20 + random.nextInt(0x5F)
                    : r < 7 ? 0x4E00 + random.nextInt(0x5200)
                    : r < 9 ? 0x1F300 + random.nextInt(0x800)
                    : random.nextInt(Character.MAX_CODE_POINT + 1));
        }
        return s.toString();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] part : parts) {
            n += part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
