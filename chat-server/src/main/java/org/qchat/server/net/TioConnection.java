package org.qchat.server.net;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.qchat.protocol.Packet;
import org.qchat.protocol.tio.TioCodecAdapter;
import org.qchat.protocol.tio.TioFrame;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.ConnectionSession;
import org.tio.core.ChannelContext;
import org.tio.core.Tio;

/** A {@link ClientConnection} on a t-io channel. */
final class TioConnection implements ClientConnection {

    /** How long a closing connection may take to write its last packet before it is cut. */
    private static final long CLOSE_GRACE_MILLIS = 2000;

    private final ChannelContext channel;
    private final TioCodecAdapter codec;
    private final SerialExecutor serial;
    private final ScheduledExecutorService timer;
    private final ConnectionSession session = new ConnectionSession();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final String remote;
    private volatile long lastInboundMillis;

    TioConnection(ChannelContext channel, TioCodecAdapter codec, Executor workers, ScheduledExecutorService timer,
                  long nowMillis) {
        this.channel = channel;
        this.codec = codec;
        this.serial = new SerialExecutor(workers);
        this.timer = timer;
        this.remote = channel.getClientNode() == null ? "?" : channel.getClientNode().getIp() + ":" + channel.getClientNode().getPort();
        this.lastInboundMillis = nowMillis;
    }

    @Override
    public String id() {
        return channel.getId();
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    @Override
    public ConnectionSession session() {
        return session;
    }

    @Override
    public Executor serialExecutor() {
        return serial;
    }

    @Override
    public void send(Packet packet) {
        if (!isClosed()) {
            Tio.send(channel, codec.outbound(packet));
        }
    }

    @Override
    public void sendFrame(byte[] frame) {
        if (!isClosed()) {
            Tio.send(channel, TioFrame.outbound(frame));
        }
    }

    @Override
    public void closeWith(Packet last, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        TioFrame frame = codec.outbound(last);
        frame.setPacketListener((ctx, packet, sent) -> Tio.close(ctx, reason));
        Tio.send(channel, frame);
        // A peer that stopped reading never lets the last packet out; do not wait for it forever.
        timer.schedule(() -> Tio.close(channel, reason), CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close(String reason) {
        closing.set(true);
        Tio.close(channel, reason);
    }

    @Override
    public boolean isClosed() {
        return channel.isClosed || channel.isRemoved;
    }

    /** Whether the connection is on its way out; inbound frames are then ignored. */
    boolean isClosing() {
        return closing.get() || isClosed();
    }

    void touch(long nowMillis) {
        lastInboundMillis = nowMillis;
    }

    long lastInboundMillis() {
        return lastInboundMillis;
    }

    @Override
    public String toString() {
        ConnectionSession.Identity me = session.identity();
        return "conn=" + id() + " remote=" + remote + (me == null ? "" : " user=" + me.username() + " device=" + me.device());
    }
}
