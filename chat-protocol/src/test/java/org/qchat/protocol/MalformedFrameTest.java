package org.qchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qchat.protocol.Frames.bytes;
import static org.qchat.protocol.Frames.concat;
import static org.qchat.protocol.Frames.frame;
import static org.qchat.protocol.Frames.utf8;

import java.nio.ByteBuffer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qchat.protocol.packet.Ping;

/**
 * Bodies that are not a UTF-8 JSON object are fatal: {@link FrameException} with BAD_REQUEST,
 * never a {@link PacketException}, never any other exception.
 */
class MalformedFrameTest {

    private final FrameCodec codec = new FrameCodec();

    /** A ping whose id string contains {@code bad} between "a" and "b"; everything else is valid. */
    private static byte[] pingWithIdBytes(byte[] bad) {
        return concat(utf8("{\"type\":\"ping\",\"id\":\"a"), bad, utf8("b\"}"));
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("lone continuation byte 80", bytes(0x80)),
                Arguments.of("lone continuation byte BF", bytes(0xBF)),
                Arguments.of("overlong NUL C0 80", bytes(0xC0, 0x80)),
                Arguments.of("overlong C1 BF", bytes(0xC1, 0xBF)),
                Arguments.of("overlong slash E0 80 AF", bytes(0xE0, 0x80, 0xAF)),
                Arguments.of("overlong 4-byte F0 80 80 80", bytes(0xF0, 0x80, 0x80, 0x80)),
                Arguments.of("truncated 3-byte sequence E4 B8", bytes(0xE4, 0xB8)),
                Arguments.of("truncated 4-byte sequence F0 9F 91", bytes(0xF0, 0x9F, 0x91)),
                Arguments.of("lead byte followed by ASCII C3 41", bytes(0xC3, 0x41)),
                Arguments.of("encoded high surrogate ED A0 80", bytes(0xED, 0xA0, 0x80)),
                Arguments.of("encoded low surrogate ED B0 80", bytes(0xED, 0xB0, 0x80)),
                Arguments.of("CESU-8 surrogate pair for U+1F600", bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80)),
                Arguments.of("above U+10FFFF F4 90 80 80", bytes(0xF4, 0x90, 0x80, 0x80)),
                Arguments.of("invalid byte F8", bytes(0xF8, 0x88, 0x80, 0x80, 0x80)),
                Arguments.of("invalid byte FE", bytes(0xFE)),
                Arguments.of("invalid byte FF", bytes(0xFF)),
                Arguments.of("Latin-1 e-acute E9", bytes(0xE9)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8InsideAStringIsAFrameError(String name, byte[] bad) {
        assertFrameError(frame(pingWithIdBytes(bad)));
    }

    @Test
    void sequenceTruncatedByTheEndOfTheBodyIsAFrameError() {
        // The frame length cuts a 3-byte character in two: the body ends in E4 B8.
        byte[] body = concat(utf8("{\"type\":\"ping\",\"id\":\"1\"}"), bytes(0xE4, 0xB8));
        assertFrameError(frame(body));
    }

    @Test
    void invalidUtf8InAKeyOrOutsideStringsIsAFrameError() {
        assertFrameError(frame(concat(utf8("{\"type\":\"ping\",\"id\":\"1\",\"k"), bytes(0xC0, 0x80), utf8("\":1}"))));
        assertFrameError(frame(concat(utf8("{\"type\":\"ping\",\"id\":\"1\""), bytes(0xA0), utf8("}"))));
    }

    @Test
    void validMultiByteUtf8InTheSamePlacesIsAccepted() throws Exception {
        byte[] body = pingWithIdBytes(bytes(0xE4, 0xB8, 0xAD, 0xF0, 0x9F, 0x98, 0x80)); // 中😀
        assertThat(codec.decode(ByteBuffer.wrap(frame(body)))).isEqualTo(new Ping("a中😀b"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "hello",
            "{",
            "}",
            "{\"type\":\"ping\",",
            "{\"type\":\"ping\",\"id\":\"1\"",
            "{\"type\":\"ping\",\"id\":\"1}",
            "{'type':'ping','id':'1'}",
            "{type:\"ping\",id:\"1\"}",
            "{\"type\":\"ping\",\"id\":\"1\",}",
            "/* comment */{\"type\":\"ping\",\"id\":\"1\"}",
            "{\"type\":\"ping\",\"id\":\"1\",\"n\":NaN}",
            "{\"type\":\"ping\",\"id\":\"1\",\"n\":01}",
            "{\"type\":\"ping\",\"id\":\"1\",\"s\":\"tab\there\"}",
            "{\"type\":\"ping\",\"id\":\"1\",\"s\":\"bad \\x escape\"}",
            "\uFEFF{\"type\":\"ping\",\"id\":\"1\"}",
            " ",
            "\n"})
    void bodyThatIsNotJsonIsAFrameError(String body) {
        assertFrameError(frame(body));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "[]",
            "[{\"type\":\"ping\",\"id\":\"1\"}]",
            "\"ping\"",
            "42",
            "-1.5e3",
            "null",
            "true",
            "false"})
    void jsonThatIsNotAnObjectIsAFrameError(String body) {
        assertFrameError(frame(body));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "{\"type\":\"ping\",\"id\":\"1\"}x",
            "{\"type\":\"ping\",\"id\":\"1\"}{}",
            "{\"type\":\"ping\",\"id\":\"1\"}{\"type\":\"ping\",\"id\":\"2\"}",
            "{\"type\":\"ping\",\"id\":\"1\"}]",
            "{\"type\":\"ping\",\"id\":\"1\"} 1",
            "{\"type\":\"ping\",\"id\":\"1\"}\u0000"})
    void trailingDataAfterTheObjectIsAFrameError(String body) {
        assertFrameError(frame(body));
    }

    @Test
    void trailingWhitespaceAfterTheObjectIsAllowed() throws Exception {
        assertThat(codec.decode(ByteBuffer.wrap(frame("{\"type\":\"ping\",\"id\":\"1\"} \r\n\t")))).isEqualTo(new Ping("1"));
        assertThat(codec.decode(ByteBuffer.wrap(frame("\n {\"type\":\"ping\",\"id\":\"1\"}")))).isEqualTo(new Ping("1"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "{\"type\":\"ping\",\"id\":\"1\",\"id\":\"2\"}",
            "{\"type\":\"ping\",\"type\":\"ping\",\"id\":\"1\"}",
            "{\"type\":\"msg.send\",\"id\":\"1\",\"convId\":1,\"convId\":2,\"clientMsgId\":\"c\",\"text\":\"t\"}",
            "{\"type\":\"ping\",\"id\":\"1\",\"extra\":{\"a\":1,\"a\":1}}"})
    void duplicateKeysAreAFrameError(String body) {
        assertFrameError(frame(body));
    }

    @Test
    void deeplyNestedJsonIsAFrameErrorNotAStackOverflow() {
        int depth = 100_000;
        String body = "{\"type\":\"ping\",\"id\":\"1\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
        assertThat(utf8(body).length).isLessThanOrEqualTo(FrameCodec.DEFAULT_MAX_FRAME_LENGTH);

        assertFrameError(frame(body));
    }

    @Test
    void mapperReportsTheSameErrorsWithoutFraming() {
        PacketMapper mapper = new PacketMapper();

        assertThatThrownBy(() -> mapper.read(bytes(0xC0, 0x80)))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        assertThatThrownBy(() -> mapper.read(utf8("[]")))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        assertThatThrownBy(() -> mapper.read(new byte[0]))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    private void assertFrameError(byte[] frame) {
        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(frame)))
                .isExactlyInstanceOf(FrameException.class)
                .satisfies(e -> assertThat(((FrameException) e).code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }
}
