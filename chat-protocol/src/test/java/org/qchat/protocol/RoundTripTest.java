package org.qchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qchat.protocol.packet.SendMessage;

/**
 * encode → decode → equals for every registered type. Besides the hand-written vectors, samples
 * are built by reflection from each record's components, so a new packet type is covered
 * without writing anything: once with every component filled (awkward strings, extreme
 * numbers, one-element lists), once with every component null that the constructor allows.
 */
class RoundTripTest {

    /** Escapes, control characters, CJK, emoji, a line separator. */
    private static final String AWKWARD = "引号\" 反斜杠\\ /\n\t\r\u0000\u001f\u007f\u2028 😀 𝄞 é";

    private final FrameCodec codec = new FrameCodec();

    static Stream<Arguments> vectors() {
        return WireVectors.all().stream().map(v -> Arguments.of(v.packet().getClass().getSimpleName(), v.packet()));
    }

    static Stream<Arguments> filledSamples() {
        return PacketRegistry.all().stream().map(t -> Arguments.of(t.getSimpleName(), filled(t)));
    }

    static Stream<Arguments> sparseSamples() {
        return PacketRegistry.all().stream().map(t -> Arguments.of(t.getSimpleName(), sparse(t)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyHandWrittenVectorSurvivesEncodeThenDecode(String name, Packet packet) throws Exception {
        assertThat(roundTrip(packet)).isEqualTo(packet);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filledSamples")
    void everyTypeWithEveryComponentFilledSurvivesEncodeThenDecode(String name, Packet packet) throws Exception {
        assertThat(roundTrip(packet)).isEqualTo(packet);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparseSamples")
    void everyTypeWithOptionalComponentsNullSurvivesEncodeThenDecode(String name, Packet packet) throws Exception {
        assertThat(roundTrip(packet)).isEqualTo(packet);
        assertThat(new String(codec.mapper().write(packet), java.nio.charset.StandardCharsets.UTF_8))
                .as("null values are omitted, not written as null").doesNotContain("null");
    }

    @Test
    void samplesCoverEveryRegisteredType() {
        assertThat(filledSamples()).hasSameSizeAs(PacketRegistry.all());
        assertThat(sparseSamples()).hasSameSizeAs(PacketRegistry.all());
    }

    @Test
    void extremeNumbersSurviveExactly() throws Exception {
        Packet packet = new org.qchat.protocol.packet.MessageSent("r", "c", Long.MAX_VALUE, Long.MAX_VALUE,
                Long.MAX_VALUE, Long.MIN_VALUE);
        assertThat(roundTrip(packet)).isEqualTo(packet);
        Packet welcome = new org.qchat.protocol.packet.Welcome(Integer.MIN_VALUE, "", Integer.MAX_VALUE, -1);
        assertThat(roundTrip(welcome)).isEqualTo(welcome);
    }

    @Test
    void textWithEveryKindOfCharacterSurvives() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp < 0x800; cp++) {
            all.appendCodePoint(cp);
        }
        all.append("\uFFFD\uFEFF\uFFFF").appendCodePoint(0x10000).appendCodePoint(0x1F600).appendCodePoint(0x10FFFF);
        SendMessage packet = new SendMessage("r", 1, "c", all.toString());

        assertThat(roundTrip(packet)).isEqualTo(packet);
    }

    @Test
    void idOfExactlySixtyFourCharsIsAccepted() throws Exception {
        Packet ascii = new org.qchat.protocol.packet.Ping("x".repeat(Check.MAX_REQUEST_ID_LENGTH));
        Packet cjk = new org.qchat.protocol.packet.Ping("号".repeat(Check.MAX_REQUEST_ID_LENGTH));

        assertThat(roundTrip(ascii)).isEqualTo(ascii);
        assertThat(roundTrip(cjk)).isEqualTo(cjk);
    }

    private Packet roundTrip(Packet packet) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(codec.encode(packet));
        Packet decoded = codec.decode(in);
        assertThat(in.hasRemaining()).isFalse();
        return decoded;
    }

    // ---- reflective samples -------------------------------------------------------------------

    static Packet filled(Class<? extends Packet> type) {
        return (Packet) construct(type, filledArgs(type));
    }

    /** Each reference component set to null, one after another, where the constructor accepts it. */
    static Packet sparse(Class<? extends Packet> type) {
        Object[] args = filledArgs(type);
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isPrimitive()) {
                continue;
            }
            Object kept = args[i];
            args[i] = null;
            try {
                construct(type, args);
            } catch (IllegalArgumentException rejected) {
                args[i] = kept;
            }
        }
        return (Packet) construct(type, args);
    }

    private static Object[] filledArgs(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = sample(components[i].getName(), components[i].getGenericType());
        }
        return args;
    }

    private static Object sample(String name, Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return List.of(sample(name, p.getActualTypeArguments()[0]), sample(name, p.getActualTypeArguments()[0]));
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            if (name.equals("sha256") || name.equals("fileId")) {
                return "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
            }
            return name.equals("id") ? "req-" + name : name + " " + AWKWARD;
        }
        if (c == long.class || c == Long.class) {
            return name.endsWith("Id") || name.equals("seq") ? 9007199254740993L : 1767225600123L;
        }
        if (c == int.class || c == Integer.class) {
            // A mute is bounded (30 days in minutes); every other int may take the largest value.
            return name.equals("minutes") ? 43_200 : 2147483647;
        }
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (c == org.qchat.protocol.model.MessageKind.class && name.equals("kind")) {
            // Only the server writes system lines; the sample is the last kind a client may send.
            return org.qchat.protocol.model.MessageKind.FILE;
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (c.isRecord()) {
            return construct(c, filledArgs(c));
        }
        throw new AssertionError("no sample for " + type + " (component " + name + "): extend RoundTripTest.sample");
    }

    private static Object construct(Class<?> type, Object[] args) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
