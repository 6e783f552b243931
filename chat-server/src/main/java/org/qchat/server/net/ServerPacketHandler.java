package org.qchat.server.net;

import java.nio.ByteBuffer;
import java.time.Clock;

import org.qchat.protocol.FileChunk;
import org.qchat.protocol.FrameException;
import org.qchat.protocol.PacketException;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.tio.TioCodecAdapter;
import org.qchat.protocol.tio.TioFrame;
import org.qchat.server.handler.RequestDispatcher;
import org.tio.core.ChannelContext;
import org.tio.core.TioConfig;
import org.tio.core.intf.Packet;
import org.tio.server.intf.TioServerHandler;

/**
 * The t-io side of the server: decodes frames, encodes frames, and hands each request to its
 * connection's serial executor — or, for a request whose handler never blocks, runs it right here
 * when the connection has nothing queued there (one hand-off fewer for {@code msg.send}). Runs on
 * t-io I/O threads and never blocks: no database, no hashing here.
 *
 * <p>It also sizes each connection's read buffer. t-io reads into a per-connection heap buffer that
 * it holds for as long as a read is pending, which for an idle connection is always: its size is
 * paid by every open connection (t-io's default, 20 KiB, was most of the server's memory per
 * connection). So it is small, {@link #READ_BUFFER_BYTES}, which holds any ordinary request; while
 * a larger frame is arriving it grows with the frame (see {@link #fitReadBuffer}).
 */
final class ServerPacketHandler implements TioServerHandler {

    /** Read buffer of a connection that is not in the middle of a large frame. */
    static final int READ_BUFFER_BYTES = 1024;
    /** Largest read buffer while a large frame arrives. */
    static final int MAX_READ_BUFFER_BYTES = 64 * 1024;
    /**
     * Read buffer of a connection with an upload open: one whole data frame, so that each arrives in
     * one or two reads instead of being copied again at each of a dozen growing ones. Paid only by
     * connections that are uploading, at most this each.
     */
    static final int BULK_READ_BUFFER_BYTES = FileChunk.FRAME_DATA_OFFSET + FileChunk.MAX_DATA;

    private final TioCodecAdapter codec;
    private final RequestDispatcher dispatcher;
    private final Clock clock;

    ServerPacketHandler(TioCodecAdapter codec, RequestDispatcher dispatcher, Clock clock) {
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public Packet decode(ByteBuffer buffer, int limit, int position, int readableLength, ChannelContext channel) {
        if (channel.getAttribute() instanceof TioConnection connection) {
            connection.touch(clock.millis());
        }
        TioFrame frame = codec.decode(buffer, limit, position, readableLength, channel);
        fitReadBuffer(channel, frame == null ? channel.packetNeededLength : null, readableLength);
        return frame;
    }

    /**
     * Sizes the read buffer for the connection's next read: {@link #READ_BUFFER_BYTES} unless a frame
     * of {@code neededLength} bytes (header included) is incomplete with {@code readableLength} of
     * them in. Then it is twice what has arrived, at most the rest of the frame and at most
     * {@link #MAX_READ_BUFFER_BYTES}. Growing matters because t-io copies everything received of a
     * frame on every read: in fixed 1 KiB reads a 256 KiB frame would copy 32 MiB. Growing with what
     * arrived, not with the declared length, keeps a peer that announces large frames and sends
     * nothing from making the server allocate for them.
     *
     * <p>The codec tells t-io not to call decode until the whole frame is in; that is undone here
     * so that the buffer can grow at each read. Finding the frame incomplete costs a header check.
     */
    private static void fitReadBuffer(ChannelContext channel, Integer neededLength, int readableLength) {
        boolean bulk = channel.getAttribute() instanceof TioConnection connection && connection.session().receivesBulk();
        int size = bulk ? BULK_READ_BUFFER_BYTES : READ_BUFFER_BYTES;
        if (neededLength != null) {
            channel.setPacketNeededLength(null);
            if (!bulk) {
                long grown = Math.min((long) neededLength - readableLength, 2L * readableLength);
                size = (int) Math.max(READ_BUFFER_BYTES, Math.min(grown, MAX_READ_BUFFER_BYTES));
            }
        }
        if (channel.getReadBufferSize() != size) {
            channel.setReadBufferSize(size);
        }
    }

    @Override
    public ByteBuffer encode(Packet packet, TioConfig config, ChannelContext channel) {
        return codec.encode(packet);
    }

    @Override
    public void handler(Packet packet, ChannelContext channel) {
        if (!(channel.getAttribute() instanceof TioConnection connection) || connection.isClosing()) {
            return;
        }
        TioFrame frame = (TioFrame) packet;
        FrameException broken = frame.broken();
        if (broken != null) {
            dispatcher.errors().count(broken.code());
            connection.closeWith(new ErrorReply(null, broken.code(), broken.getMessage()),
                    "protocol error: " + broken.getMessage());
            return;
        }
        PacketException rejected = frame.rejected();
        if (rejected != null) {
            dispatcher.errors().count(rejected.code());
            connection.send(new ErrorReply(rejected.requestId(), rejected.code(), rejected.getMessage()));
            return;
        }
        if (frame.packet() instanceof FileChunk chunk) {
            dispatcher.dataFrame(connection, chunk);
            return;
        }
        Runnable dispatch = () -> dispatcher.dispatch(connection, frame.packet());
        if (dispatcher.neverBlocks(frame.packet())) {
            // msg.send, sync.ack, ping: no hand-off to a worker when nothing of this connection waits there.
            connection.runNowOrQueue(dispatch);
        } else {
            connection.serialExecutor().execute(dispatch);
        }
    }
}
