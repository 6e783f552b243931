package org.qchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.protocol.Frames.bytes;
import static org.qchat.protocol.Frames.concat;
import static org.qchat.protocol.Frames.header;
import static org.qchat.protocol.Frames.utf8;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qchat.protocol.WireVectors.Vector;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.SendMessage;

/** The codec against the hand-written {@link WireVectors}: byte-exact in both directions. */
class WireVectorTest {

    private final FrameCodec codec = new FrameCodec();

    static List<Vector> vectors() {
        return WireVectors.all();
    }

    @Test
    void everyRegisteredPacketTypeHasAWireVector() {
        List<String> missing = PacketRegistry.all().stream()
                .filter(type -> !WireVectors.BY_TYPE.containsKey(type))
                .map(Class::getSimpleName)
                .collect(Collectors.toList());
        assertThat(missing).as("packet types without a hand-written vector in WireVectors").isEmpty();
        assertThat(WireVectors.BY_TYPE.keySet()).containsExactlyInAnyOrderElementsOf(PacketRegistry.all());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodingProducesExactlyTheLengthPrefixAndTheHandWrittenUtf8Body(Vector vector) {
        byte[] body = utf8(vector.json());

        byte[] frame = codec.encode(vector.packet());

        assertThat(new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8))
                .isEqualTo(vector.json());
        assertThat(frame).isEqualTo(concat(header(body.length), body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodingTheHandWrittenBytesYieldsAnEqualRecordAndConsumesTheFrame(Vector vector) throws Exception {
        byte[] body = utf8(vector.json());
        ByteBuffer in = ByteBuffer.wrap(concat(header(body.length), body));

        Packet decoded = codec.decode(in);

        assertThat(decoded).isEqualTo(vector.packet());
        assertThat(decoded.getClass()).isEqualTo(vector.packet().getClass());
        assertThat(in.hasRemaining()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorTypeFieldMatchesTheRegisteredNameOfItsRecord(Vector vector) {
        String expectedPrefix = "{\"type\":\"" + PacketRegistry.typeOf(vector.packet().getClass()) + "\"";
        assertThat(vector.json()).startsWith(expectedPrefix);
        assertThat(vector.packet().type()).isEqualTo(PacketRegistry.typeOf(vector.packet().getClass()));
    }

    @Test
    void pingFrameMatchesTheByteDiagramInTheFrameCodecJavadoc() {
        byte[] expected = bytes(
                0x00, 0x00, 0x00, 0x18,
                0x7b, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3a, 0x22, 0x70, 0x69, 0x6e, 0x67, 0x22,
                0x2c, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0x31, 0x22, 0x7d);

        assertThat(codec.encode(new Ping("1"))).isEqualTo(expected);
    }

    @Test
    void lengthPrefixCountsUtf8BytesNotJavaChars() {
        byte[] frame = codec.encode(WireVectors.BY_TYPE.get(SendMessage.class).packet());

        assertThat(WireVectors.MSG_SEND).hasSize(87);
        assertThat(utf8(WireVectors.MSG_SEND)).hasSize(103);
        assertThat(Arrays.copyOf(frame, 4)).isEqualTo(bytes(0x00, 0x00, 0x00, 103));
        assertThat(frame).hasSize(4 + 103);
    }

    @Test
    void nonAsciiTextIsSentAsRawUtf8NotAsEscapes() {
        byte[] frame = codec.encode(WireVectors.BY_TYPE.get(SendMessage.class).packet());

        // 你 U+4F60 as its 3-byte sequence
        assertThat(indexOf(frame, bytes(0xE4, 0xBD, 0xA0))).isPositive();
        // 👋 U+1F44B as one 4-byte sequence: not a JSON escape, not CESU-8 (two encoded surrogates)
        assertThat(indexOf(frame, bytes(0xF0, 0x9F, 0x91, 0x8B))).isPositive();
        assertThat(indexOf(frame, bytes(0xED, 0xA0, 0xBD))).isNegative();
        assertThat(new String(frame, StandardCharsets.ISO_8859_1)).doesNotContain("\\u");
    }

    @Test
    void emojiSentAsEscapedSurrogatePairDecodesLikeRawUtf8() throws Exception {
        String escaped = WireVectors.MSG_SEND.replace(WireVectors.CJK_EMOJI_TEXT, WireVectors.CJK_EMOJI_TEXT_ESCAPED);
        assertThat(escaped).isNotEqualTo(WireVectors.MSG_SEND).contains("\\uD83D\\uDC4B");
        byte[] body = utf8(escaped);

        Packet decoded = codec.decode(ByteBuffer.wrap(concat(header(body.length), body)));

        assertThat(decoded).isEqualTo(WireVectors.BY_TYPE.get(SendMessage.class).packet());
        assertThat(((SendMessage) decoded).text()).isEqualTo(WireVectors.CJK_EMOJI_TEXT);
    }

    @Test
    void vectorsWithCjkAndEmojiTextAreCovered() {
        assertThat(WireVectors.MSG_SEND).contains(WireVectors.CJK_EMOJI_TEXT);
        assertThat(WireVectors.MSG).contains(WireVectors.CJK_EMOJI_TEXT);
        assertThat(WireVectors.CJK_EMOJI_TEXT.codePoints().filter(Character::isSupplementaryCodePoint).count())
                .isEqualTo(2);
        assertThat(WireVectors.CJK_EMOJI_TEXT.codePoints().filter(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN).count()).isEqualTo(4);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
