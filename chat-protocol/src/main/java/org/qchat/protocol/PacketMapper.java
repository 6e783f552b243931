package org.qchat.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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
        String text = strictUtf8(body);
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FrameException(ErrorCode.BAD_REQUEST, "frame body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new FrameException(ErrorCode.BAD_REQUEST, "frame body is not a JSON object");
        }
        JsonNode idNode = node.get(ID);
        String requestId = idNode != null && idNode.isTextual() && idNode.textValue().length() <= Check.MAX_REQUEST_ID_LENGTH
                && !hasLoneSurrogate(idNode) ? idNode.textValue() : null;
        JsonNode typeNode = node.get(TYPE);
        if (typeNode == null || !typeNode.isTextual()) {
            throw new PacketException(requestId, ErrorCode.BAD_REQUEST, "field 'type' is required and must be a string");
        }
        if (hasLoneSurrogate(node)) {
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

    private static String strictUtf8(byte[] body) throws FrameException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FrameException(ErrorCode.BAD_REQUEST, "frame body is not valid UTF-8");
        }
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

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = TYPE)
    private interface TypedPacket {
    }
}
