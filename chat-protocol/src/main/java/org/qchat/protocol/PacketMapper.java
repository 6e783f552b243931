package org.qchat.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;

/**
 * JSON body ⇄ packet record. Thread-safe. Unknown fields are ignored (so newer peers may add
 * fields); everything else is strict: duplicate keys, strings for numbers, numbers for strings
 * and {@code null} for required values are rejected.
 */
public final class PacketMapper {

    private static final String TYPE = "type";
    private static final String ID = "id";

    private static final ThreadLocal<FrameOutput> FRAME_OUTPUT = ThreadLocal.withInitial(FrameOutput::new);

    private final ObjectMapper json;

    public PacketMapper() {
        JsonMapper.Builder builder = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .addMixIn(Packet.class, TypedPacket.class);
        for (Class<? extends Packet> type : PacketRegistry.all()) {
            builder.registerSubtypes(new NamedType(type, PacketRegistry.typeOf(type)));
        }
        builder.withCoercionConfig(LogicalType.Textual, cfg -> cfg
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        this.json = builder.build();
    }

    /**
     * Serializes a packet as a whole frame: a 4-byte big-endian length, then its JSON body. One
     * array, written once: the body goes straight after the room left for its length.
     */
    public byte[] writeFrame(Packet packet) {
        FrameOutput out = FRAME_OUTPUT.get();
        out.reset();
        try {
            json.writeValue(out, packet);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + packet.getClass().getSimpleName(), e);
        }
        return out.toFrame();
    }

    /** Serializes a packet to its JSON body (UTF-8), {@code type} first. */
    public byte[] write(Packet packet) {
        try {
            return json.writeValueAsBytes(packet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + packet.getClass().getSimpleName(), e);
        }
    }

    /** Serializes any value (a nested model) to JSON bytes, e.g. to measure its encoded size. */
    public byte[] writeValue(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Parses one frame body.
     *
     * @throws FrameException  the body is not valid UTF-8 or not a JSON object
     * @throws PacketException the body is a JSON object but not a valid packet
     */
    public Packet read(byte[] body) throws FrameException, PacketException {
        if (!Utf8.isWellFormed(body)) {
            throw new FrameException(ErrorCode.BAD_REQUEST, "frame body is not valid UTF-8");
        }
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            // Jackson's byte parser would skip it; JSON text in a frame has none (docs/protocol.md 4.7).
            throw new FrameException(ErrorCode.BAD_REQUEST, "frame body is not valid JSON: it starts with a byte order mark");
        }
        // Well-formed UTF-8 holds no surrogate; only a backslash-u escape can make a lone one.
        boolean escapes = hasUnicodeEscape(body);
        JsonNode node;
        try {
            // The byte parser refuses a broken surrogate escape in a field name outright; the text
            // parser reads it, so that it is answered as an invalid packet like any other string.
            node = escapes ? json.readTree(new String(body, StandardCharsets.UTF_8)) : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new FrameException(ErrorCode.BAD_REQUEST, "frame body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            // Reading from an array: only the parser's own complaints, as above.
            throw new FrameException(ErrorCode.BAD_REQUEST, "frame body is not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new FrameException(ErrorCode.BAD_REQUEST, "frame body is not a JSON object");
        }
        JsonNode idNode = node.get(ID);
        String requestId = idNode != null && idNode.isTextual() && idNode.textValue().length() <= Check.MAX_REQUEST_ID_LENGTH
                && !(escapes && hasLoneSurrogate(idNode)) ? idNode.textValue() : null;
        JsonNode typeNode = node.get(TYPE);
        if (typeNode == null || !typeNode.isTextual()) {
            throw new PacketException(requestId, ErrorCode.BAD_REQUEST, "field 'type' is required and must be a string");
        }
        if (escapes && hasLoneSurrogate(node)) {
            throw new PacketException(requestId, ErrorCode.BAD_REQUEST, "strings must be valid Unicode (lone surrogate escape)");
        }
        String typeName = typeNode.textValue();
        if (PacketRegistry.classOf(typeName).isEmpty()) {
            throw new PacketException(requestId, ErrorCode.BAD_REQUEST, "unknown packet type '" + abbreviate(typeName) + "'");
        }
        try {
            return json.treeToValue(node, Packet.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            // List.copyOf rejects null elements with a message-less NullPointerException.
            String reason = cause instanceof NullPointerException ? "lists must not contain null" : cause.getMessage();
            throw new PacketException(requestId, ErrorCode.BAD_REQUEST, typeName + ": " + reason);
        } catch (JsonMappingException e) {
            throw new PacketException(requestId, ErrorCode.BAD_REQUEST, typeName + ": " + describe(e));
        } catch (JsonProcessingException e) {
            throw new PacketException(requestId, ErrorCode.BAD_REQUEST, typeName + ": " + e.getOriginalMessage());
        }
    }

    /** Whether the body holds a backslash-u escape, the only way to write a surrogate in it. */
    private static boolean hasUnicodeEscape(byte[] body) {
        for (int i = 0; i + 1 < body.length; i++) {
            if (body[i] == '\\' && body[i + 1] == 'u') {
                return true;
            }
        }
        return false;
    }

    /** JSON may escape half of a surrogate pair ("\\ud800"); such text cannot be stored or shown. */
    private static boolean hasLoneSurrogate(JsonNode node) {
        if (node.isTextual()) {
            String s = node.textValue();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(ch)) {
                    return true;
                }
            }
            return false;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasLoneSurrogate(child)) {
                    return true;
                }
            }
            if (node.isObject()) {
                for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    if (hasLoneSurrogate(com.fasterxml.jackson.databind.node.TextNode.valueOf(names.next()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String describe(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        int hint = message.indexOf(" (but ");
        if (hint > 0) {
            message = message.substring(0, hint);
        }
        return field.isEmpty() ? message : "field '" + field + "': " + message;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** A growable byte buffer that starts with room for the frame's length. Per thread, reused. */
    private static final class FrameOutput extends ByteArrayOutputStream {
        /** A body this large makes the buffer give its array back after the frame is taken. */
        private static final int KEPT_CAPACITY = 64 * 1024;

        FrameOutput() {
            super(1024);
        }

        @Override
        public void reset() {
            if (buf.length > KEPT_CAPACITY) {
                buf = new byte[1024];
            }
            count = FrameCodec.HEADER_LENGTH;
        }

        byte[] toFrame() {
            int body = count - FrameCodec.HEADER_LENGTH;
            buf[0] = (byte) (body >>> 24);
            buf[1] = (byte) (body >>> 16);
            buf[2] = (byte) (body >>> 8);
            buf[3] = (byte) body;
            return Arrays.copyOf(buf, count);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = TYPE)
    private interface TypedPacket {
    }
}
