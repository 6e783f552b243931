package org.qchat.protocol.tio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.protocol.Frames.bytes;
import static org.qchat.protocol.Frames.concat;
import static org.qchat.protocol.Frames.frame;
import static org.qchat.protocol.Frames.header;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.PacketMapper;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.SendMessage;
import org.tio.core.ChannelContext;
import org.tio.core.Node;
import org.tio.core.TioConfig;

/** {@link TioCodecAdapter} under t-io's decode contract: (buffer, limit, position, readableLength, context). */
class TioCodecAdapterTest {

    private static final String PING = "{\"type\":\"ping\",\"id\":\"1\"}";
    private static final String SEND = "{\"type\":\"msg.send\",\"id\":\"s-1\",\"convId\":7,\"clientMsgId\":\"c\","
            + "\"text\":\"早上好 🌅\"}";
    private static final SendMessage SEND_PACKET = new SendMessage("s-1", 7, "c", "早上好 🌅");
    /** Bytes an earlier decode already consumed; t-io hands us a position past them. */
    private static final byte[] CONSUMED = bytes(0xAA, 0xBB, 0xCC);

    private final TioCodecAdapter adapter = new TioCodecAdapter(new FrameCodec());
    private ChannelContext context;

    @BeforeEach
    void newContext() {
        context = StubContext.create();
    }

    /** What t-io's DecodeRunnable does: position at the first unread byte, limit at the last read one. */
    private TioFrame decode(ByteBuffer buffer) {
        int position = buffer.position();
        int limit = buffer.limit();
        return adapter.decode(buffer, limit, position, limit - position, context);
    }

    private static ByteBuffer afterConsumed(byte[] data) {
        ByteBuffer buffer = ByteBuffer.wrap(concat(CONSUMED, data));
        buffer.position(CONSUMED.length);
        return buffer;
    }

    @Test
    void partialHeaderReturnsNullWithoutMovingOrHintingALength() {
        for (int available = 0; available < FrameCodec.HEADER_LENGTH; available++) {
            ByteBuffer buffer = afterConsumed(Arrays.copyOf(frame(PING), available));

            assertThat(decode(buffer)).isNull();
            assertThat(buffer.position()).isEqualTo(CONSUMED.length);
            assertThat(context.packetNeededLength).isNull();
        }
    }

    @Test
    void partialFrameAtEveryOffsetReturnsNullWithoutMovingAndAsksForTheWholeFrame() {
        byte[] frame = frame(SEND);

        for (int available = FrameCodec.HEADER_LENGTH; available < frame.length; available++) {
            context.setPacketNeededLength(null);
            ByteBuffer buffer = afterConsumed(Arrays.copyOf(frame, available));

            assertThat(decode(buffer)).as("%d of %d bytes", available, frame.length).isNull();
            assertThat(buffer.position()).isEqualTo(CONSUMED.length);
            assertThat(buffer.limit()).isEqualTo(CONSUMED.length + available);
            assertThat(context.packetNeededLength).as("needed length, header included").isEqualTo(frame.length);
        }
    }

    @Test
    void completeFrameIsDecodedAndMovesThePositionByExactlyOneFrame() {
        byte[] first = frame(SEND);
        byte[] second = frame(PING);
        ByteBuffer buffer = afterConsumed(concat(first, second));

        TioFrame decoded = decode(buffer);

        assertThat(decoded.packet()).isEqualTo(SEND_PACKET);
        assertThat(decoded.rejected()).isNull();
        assertThat(decoded.broken()).isNull();
        assertThat(decoded.logstr()).isEqualTo("msg.send");
        assertThat(buffer.position()).isEqualTo(CONSUMED.length + first.length);
        assertThat(buffer.limit()).as("the adapter works on a view; t-io's limit is untouched")
                .isEqualTo(CONSUMED.length + first.length + second.length);

        assertThat(decode(buffer).packet()).isEqualTo(new Ping("1"));
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @Test
    void bytesBeyondTheGivenLimitAreNotRead() {
        byte[] frame = frame(PING);
        ByteBuffer buffer = ByteBuffer.wrap(frame);

        TioFrame result = adapter.decode(buffer, frame.length - 1, 0, frame.length - 1, context);

        assertThat(result).isNull();
        assertThat(buffer.position()).isZero();
        assertThat(context.packetNeededLength).isEqualTo(frame.length);
    }

    @Test
    void frameWithAnInvalidPacketIsRejectedAndOnlyThatFrameIsConsumed() {
        byte[] bad = frame("{\"type\":\"msg.send\",\"id\":\"s-9\",\"convId\":0,\"clientMsgId\":\"c\",\"text\":\"t\"}");
        byte[] good = frame(PING);
        ByteBuffer buffer = afterConsumed(concat(bad, good));

        TioFrame rejected = decode(buffer);

        assertThat(rejected.packet()).isNull();
        assertThat(rejected.broken()).isNull();
        assertThat(rejected.rejected()).isNotNull();
        assertThat(rejected.rejected().code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(rejected.rejected().requestId()).isEqualTo("s-9");
        assertThat(rejected.logstr()).isNotBlank();
        assertThat(buffer.position()).isEqualTo(CONSUMED.length + bad.length);

        assertThat(decode(buffer).packet()).isEqualTo(new Ping("1"));
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @Test
    void negativeLengthIsBrokenAndConsumesEverythingReadable() {
        ByteBuffer buffer = afterConsumed(concat(header(-1), frame(PING)));

        TioFrame broken = decode(buffer);

        assertThat(broken.packet()).isNull();
        assertThat(broken.rejected()).isNull();
        assertThat(broken.broken().code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(buffer.position()).isEqualTo(buffer.limit());
    }

    @Test
    void oversizeLengthIsBrokenAtOnceAndConsumesEverythingReadable() {
        ByteBuffer buffer = afterConsumed(concat(header(Integer.MAX_VALUE), bytes('{', '"')));

        TioFrame broken = decode(buffer);

        assertThat(broken.broken().code()).isEqualTo(ErrorCode.TOO_LARGE);
        assertThat(buffer.position()).isEqualTo(buffer.limit());
        assertThat(context.packetNeededLength).as("no hint for a length that will never be accepted").isNull();
    }

    @Test
    void zeroLengthIsBroken() {
        ByteBuffer buffer = afterConsumed(concat(header(0), frame(PING)));

        assertThat(decode(buffer).broken().code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @Test
    void bodyThatIsNotUtf8JsonObjectIsBrokenAndConsumesEverythingReadable() {
        for (byte[] body : new byte[][] {bytes(0xC0, 0x80), "[1,2]".getBytes(), "{\"a\":1,\"a\":2}".getBytes()}) {
            ByteBuffer buffer = afterConsumed(concat(frame(body), frame(PING)));

            TioFrame broken = decode(buffer);

            assertThat(broken.broken()).isNotNull();
            assertThat(broken.broken().code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(buffer.hasRemaining()).isFalse();
        }
    }

    @Test
    void outboundFrameHoldsTheEncodedBytesAndEncodeWrapsThem() {
        SendMessage packet = SEND_PACKET;
        byte[] expected = new FrameCodec().encode(packet);

        TioFrame outbound = adapter.outbound(packet);
        ByteBuffer wire = adapter.encode(outbound);

        assertThat(outbound.bytes()).isEqualTo(expected).isEqualTo(frame(SEND));
        assertThat(outbound.packet()).isNull();
        assertThat(outbound.logstr()).isEqualTo(expected.length + " bytes");
        assertThat(wire.position()).isZero();
        assertThat(wire.remaining()).isEqualTo(expected.length);
        byte[] written = new byte[wire.remaining()];
        wire.get(written);
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void adapterExposesTheCodecItWasGiven() {
        FrameCodec codec = new FrameCodec(new PacketMapper(), 1024);

        assertThat(new TioCodecAdapter(codec).codec()).isSameAs(codec);
    }

    /**
     * A real {@link ChannelContext}: its constructors need a running {@link TioConfig} (thread
     * pools, ids, statistics), so the instance is allocated without running any constructor, as
     * mocking libraries do. The adapter only calls {@link ChannelContext#setPacketNeededLength},
     * a plain field store.
     */
    static final class StubContext extends ChannelContext {

        private StubContext(TioConfig config) {
            super(config);
        }

        static ChannelContext create() {
            try {
                Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
                Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                Method allocate = unsafeClass.getMethod("allocateInstance", Class.class);
                return (ChannelContext) allocate.invoke(theUnsafe.get(null), StubContext.class);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot allocate a ChannelContext", e);
            }
        }

        @Override
        public Node createClientNode(AsynchronousSocketChannel channel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isServer() {
            return true;
        }
    }
}
