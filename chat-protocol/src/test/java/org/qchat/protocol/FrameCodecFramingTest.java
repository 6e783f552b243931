package org.qchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qchat.protocol.Frames.bytes;
import static org.qchat.protocol.Frames.concat;
import static org.qchat.protocol.Frames.frame;
import static org.qchat.protocol.Frames.header;
import static org.qchat.protocol.Frames.utf8;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.SendMessage;

/** Length-prefix framing: partial frames, several frames per buffer, length limits. */
class FrameCodecFramingTest {

    private static final int MAX = FrameCodec.DEFAULT_MAX_FRAME_LENGTH;

    private final FrameCodec codec = new FrameCodec();

    // ---- partial frames ------------------------------------------------------------------------

    @Test
    void frameSplitAtEveryOffsetDecodesOnlyWhenComplete() throws Exception {
        Packet expected = WireVectors.BY_TYPE.get(SendMessage.class).packet();
        byte[] frame = frame(WireVectors.MSG_SEND);
        assertThat(frame.length - 4).isGreaterThan(WireVectors.MSG_SEND.length());

        for (int available = 0; available < frame.length; available++) {
            ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(frame, available));

            assertThat(codec.decode(in)).as("decode with %d of %d bytes", available, frame.length).isNull();
            assertThat(in.position()).as("position with %d of %d bytes", available, frame.length).isZero();
        }

        ByteBuffer in = ByteBuffer.wrap(frame);
        assertThat(codec.decode(in)).isEqualTo(expected);
        assertThat(in.position()).isEqualTo(frame.length);
    }

    @Test
    void frameSplitAtEveryOffsetLeavesANonZeroStartPositionUnchanged() throws Exception {
        byte[] frame = frame(WireVectors.MSG);
        byte[] consumedEarlier = bytes(0xDE, 0xAD, 0xBE, 0xEF, 0x00);

        for (int available = 0; available < frame.length; available++) {
            ByteBuffer in = ByteBuffer.wrap(concat(consumedEarlier, Arrays.copyOf(frame, available)));
            in.position(consumedEarlier.length);

            assertThat(codec.decode(in)).isNull();
            assertThat(in.position()).isEqualTo(consumedEarlier.length);
            assertThat(in.limit()).isEqualTo(consumedEarlier.length + available);
        }

        ByteBuffer in = ByteBuffer.wrap(concat(consumedEarlier, frame));
        in.position(consumedEarlier.length);
        assertThat(codec.decode(in)).isEqualTo(WireVectors.BY_TYPE.get(MessagePush.class).packet());
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void frameArrivingOneByteAtATimeIsDecodedExactlyOnceWhenTheLastByteArrives() throws Exception {
        byte[] frame = frame(WireVectors.MSG_SEND);
        ByteBuffer stream = ByteBuffer.allocate(frame.length);
        int decodedAt = -1;

        for (int i = 0; i < frame.length; i++) {
            stream.put(frame[i]);          // write mode: append one byte
            stream.flip();                 // read mode
            Packet packet = codec.decode(stream);
            if (packet != null) {
                assertThat(decodedAt).isEqualTo(-1);
                decodedAt = i;
                assertThat(packet).isEqualTo(WireVectors.BY_TYPE.get(SendMessage.class).packet());
            }
            stream.compact();              // back to write mode, keeping unread bytes
        }

        assertThat(decodedAt).isEqualTo(frame.length - 1);
        assertThat(stream.position()).as("bytes left unread").isZero();
    }

    @Test
    void fewerThanFourBytesAreNeverInterpretedEvenIfTheyLookLikeAnInvalidLength() throws Exception {
        for (byte[] partialHeader : new byte[][] {bytes(), bytes(0xFF), bytes(0xFF, 0xFF), bytes(0x80, 0x00, 0x00)}) {
            ByteBuffer in = ByteBuffer.wrap(partialHeader);

            assertThat(codec.decode(in)).isNull();
            assertThat(codec.completeFrameLength(in)).isEqualTo(-1);
            assertThat(in.position()).isZero();
        }
    }

    // ---- several frames ------------------------------------------------------------------------

    @Test
    void twoFramesInOneBufferDecodeOnePerCallInOrder() throws Exception {
        byte[] first = frame(WireVectors.MSG_SEND);
        byte[] second = frame(WireVectors.PING);
        ByteBuffer in = ByteBuffer.wrap(concat(first, second));

        assertThat(codec.decode(in)).isEqualTo(WireVectors.BY_TYPE.get(SendMessage.class).packet());
        assertThat(in.position()).isEqualTo(first.length);

        assertThat(codec.decode(in)).isEqualTo(new Ping("1"));
        assertThat(in.position()).isEqualTo(first.length + second.length);

        assertThat(codec.decode(in)).isNull();
        assertThat(in.position()).isEqualTo(first.length + second.length);
    }

    @Test
    void completeFrameFollowedByAPartialOneLeavesThePositionAtTheStartOfThePartialOne() throws Exception {
        byte[] first = frame(WireVectors.PING);
        byte[] second = frame(WireVectors.MSG);
        ByteBuffer in = ByteBuffer.wrap(concat(first, Arrays.copyOf(second, second.length - 1)));

        assertThat(codec.decode(in)).isEqualTo(new Ping("1"));
        assertThat(codec.decode(in)).isNull();
        assertThat(in.position()).isEqualTo(first.length);
    }

    @Test
    void everyVectorConcatenatedIntoOneStreamDecodesBackInOrder() throws Exception {
        ByteBuffer in = ByteBuffer.wrap(concat(WireVectors.all().stream().map(v -> frame(v.json())).toArray(byte[][]::new)));

        for (WireVectors.Vector vector : WireVectors.all()) {
            assertThat(codec.decode(in)).isEqualTo(vector.packet());
        }
        assertThat(in.hasRemaining()).isFalse();
        assertThat(codec.decode(in)).isNull();
    }

    // ---- length limits -------------------------------------------------------------------------

    @ParameterizedTest(name = "declared length {0}")
    @ValueSource(ints = {MAX + 1, 1 << 20, 2_000_000_000, Integer.MAX_VALUE})
    void lengthAboveTheMaximumIsTooLargeAsSoonAsTheHeaderIsReadable(int declared) {
        // Only the header and three body bytes exist: a codec that allocated or waited for the
        // declared size would return null (or run out of memory) instead of failing right away.
        ByteBuffer in = ByteBuffer.wrap(concat(header(declared), utf8("{\"t")));

        assertThatThrownBy(() -> codec.decode(in))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessageContaining(Integer.toString(declared));
        assertThatThrownBy(() -> codec.completeFrameLength(in)).isInstanceOf(FrameException.class);
    }

    @Test
    void twoBillionByteDeclaredLengthFailsFastWithoutWaitingForOrAllocatingTheBody() {
        // Six bytes in the buffer. Returning null would mean waiting for 2 GB; allocating first
        // would mean an OutOfMemoryError or a BufferUnderflowException. Only a check of the
        // header before anything else gives TOO_LARGE with nothing consumed.
        ByteBuffer in = ByteBuffer.wrap(concat(header(2_000_000_000), bytes('{', '}')));

        assertThatThrownBy(() -> codec.decode(in))
                .isExactlyInstanceOf(FrameException.class)
                .satisfies(e -> assertThat(((FrameException) e).code()).isEqualTo(ErrorCode.TOO_LARGE));
        assertThat(in.position()).isZero();
    }

    @Test
    void customMaximumIsEnforcedByOneByte() throws Exception {
        FrameCodec small = new FrameCodec(new PacketMapper(), 64);
        String body64 = padded(64);

        assertThat(small.decode(ByteBuffer.wrap(frame(body64)))).isEqualTo(new Ping("1"));
        assertThatThrownBy(() -> small.decode(ByteBuffer.wrap(frame(padded(65)))))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
    }

    @Test
    void bodyOfExactlyTheDefaultMaximumIsAccepted() throws Exception {
        String body = padded(MAX);
        assertThat(utf8(body)).hasSize(MAX);
        ByteBuffer in = ByteBuffer.wrap(frame(body));

        assertThat(codec.completeFrameLength(in)).isEqualTo(MAX);
        assertThat(codec.decode(in)).isEqualTo(new Ping("1"));
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void bodyOneByteOverTheDefaultMaximumIsTooLarge() {
        ByteBuffer in = ByteBuffer.wrap(frame(padded(MAX + 1)));

        assertThatThrownBy(() -> codec.decode(in))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
    }

    @ParameterizedTest(name = "declared length {0}")
    @ValueSource(ints = {-1, -2, Integer.MIN_VALUE, 0x80000001})
    void negativeLengthIsABadRequest(int declared) {
        ByteBuffer in = ByteBuffer.wrap(concat(header(declared), utf8(WireVectors.PING)));

        assertThatThrownBy(() -> codec.decode(in))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining("negative");
    }

    @Test
    void allOnesHeaderIsANegativeLengthNotAHugeOne() {
        ByteBuffer in = ByteBuffer.wrap(bytes(0xFF, 0xFF, 0xFF, 0xFF, '{', '}'));

        assertThatThrownBy(() -> codec.decode(in))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void zeroLengthIsABadRequest() {
        ByteBuffer in = ByteBuffer.wrap(concat(header(0), frame(WireVectors.PING)));

        assertThatThrownBy(() -> codec.decode(in))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessageContaining("empty");
    }

    @Test
    void checkLengthAcceptsOneThroughTheMaximum() {
        assertThatCode(() -> codec.checkLength(1)).doesNotThrowAnyException();
        assertThatCode(() -> codec.checkLength(MAX)).doesNotThrowAnyException();
        assertThat(codec.maxFrameLength()).isEqualTo(MAX).isEqualTo(256 * 1024);
    }

    @Test
    void maximumBelowSixtyFourIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FrameCodec(new PacketMapper(), 63));
        assertThatCode(() -> new FrameCodec(new PacketMapper(), 64)).doesNotThrowAnyException();
    }

    // ---- encoding ------------------------------------------------------------------------------

    @Test
    void frameHelperPrefixesTheBodyWithItsBigEndianLength() {
        byte[] body = new byte[0x010203];
        Arrays.fill(body, (byte) ' ');

        byte[] framed = FrameCodec.frame(body);

        assertThat(Arrays.copyOf(framed, 4)).isEqualTo(bytes(0x00, 0x01, 0x02, 0x03));
        assertThat(framed).hasSize(4 + body.length);
    }

    @Test
    void encodeDoesNotShareBuffersBetweenCalls() {
        byte[] a = codec.encode(new Ping("1"));
        byte[] b = codec.encode(new Ping("1"));

        assertThat(a).isEqualTo(b).isNotSameAs(b);
    }

    /** A valid ping body padded with an ignored field to exactly {@code size} UTF-8 bytes. */
    private static String padded(int size) {
        String head = "{\"type\":\"ping\",\"id\":\"1\",\"pad\":\"";
        String tail = "\"}";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }
}
