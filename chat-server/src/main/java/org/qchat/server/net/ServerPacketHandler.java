package org.qchat.server.net;

import java.nio.ByteBuffer;
import java.time.Clock;

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
 * connection's serial executor. Runs on t-io I/O threads and never blocks: no database, no
 * hashing here.
 */
final class ServerPacketHandler implements TioServerHandler {

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
        return codec.decode(buffer, limit, position, readableLength, channel);
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
        connection.serialExecutor().execute(() -> dispatcher.dispatch(connection, frame.packet()));
    }
}
