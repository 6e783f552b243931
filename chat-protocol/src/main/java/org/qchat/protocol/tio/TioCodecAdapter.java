package org.qchat.protocol.tio;

import java.nio.ByteBuffer;

import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.FrameException;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketException;
import org.tio.core.ChannelContext;

/**
 * Runs {@link FrameCodec} under t-io's decode/encode contract, for both the server and client
 * handlers. Called on t-io I/O threads; never blocks.
 */
public final class TioCodecAdapter {

    private final FrameCodec codec;

    public TioCodecAdapter(FrameCodec codec) {
        this.codec = codec;
    }

    public FrameCodec codec() {
        return codec;
    }

    /**
     * Decodes at most one frame starting at {@code position}. Returns null (consuming nothing) until
     * a whole frame is readable, and tells t-io how many bytes it needs so large frames are not
     * re-parsed on every read. A broken stream yields a {@link TioFrame#broken} frame that consumes
     * everything readable; the handler answers and closes.
     */
    public TioFrame decode(ByteBuffer buffer, int limit, int position, int readableLength, ChannelContext context) {
        ByteBuffer view = buffer.duplicate();
        view.limit(limit);
        view.position(position);
        try {
            int length = codec.completeFrameLength(view);
            if (length < 0) {
                if (readableLength >= FrameCodec.HEADER_LENGTH) {
                    context.setPacketNeededLength(FrameCodec.HEADER_LENGTH + view.getInt(position));
                }
                return null;
            }
            try {
                Packet packet = codec.decode(view);
                return TioFrame.decoded(packet);
            } catch (PacketException e) {
                return TioFrame.rejected(e);
            } finally {
                buffer.position(position + FrameCodec.HEADER_LENGTH + length);
            }
        } catch (FrameException e) {
            buffer.position(limit);
            return TioFrame.broken(e);
        }
    }

    /** Wraps an outbound frame's bytes for t-io to write. */
    public ByteBuffer encode(org.tio.core.intf.Packet packet) {
        TioFrame frame = (TioFrame) packet;
        return ByteBuffer.wrap(frame.bytes());
    }

    /** Encodes a packet into an outbound t-io frame. */
    public TioFrame outbound(Packet packet) {
        return TioFrame.outbound(codec.encode(packet));
    }
}
