package org.qchat.server.net;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.qchat.protocol.Packet;
import org.qchat.protocol.tio.TioCodecAdapter;
import org.qchat.protocol.tio.TioFrame;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.ConnectionSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tio.core.ChannelContext;
import org.tio.core.Tio;

/**
 * A {@link ClientConnection} on a t-io channel, with a bounded outbound queue.
 *
 * <p>Every frame handed to t-io counts its bytes until t-io reports it written (or dropped, when the
 * connection closes): {@link #written}. A frame that would take the count past the limit is not
 * queued; the connection is closed at once instead, because a peer that lets that much pile up is
 * not reading and the memory would be the server's. Nothing is lost by it: messages are in the
 * database and reach the device at its next sync. One frame larger than the whole limit still goes
 * out when nothing else is queued, so a limit set below the largest reply cannot lock a client out.
 */
final class TioConnection implements ClientConnection {

    private static final Logger log = LoggerFactory.getLogger("org.qchat.server.connections");

    /** How long a closing connection may take to write its last packet before it is cut. */
    private static final long CLOSE_GRACE_MILLIS = 2000;
    /** The close reason (t-io remark) of a connection closed for not reading what it is sent. */
    static final String SLOW_CONSUMER = "slow consumer";

    private final ChannelContext channel;
    private final TioCodecAdapter codec;
    private final SerialExecutor serial;
    private final ScheduledExecutorService timer;
    private final ConnectionSession session = new ConnectionSession();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final String remote;
    private final Clock clock;
    private final long maxQueuedBytes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile long lastInboundMillis;
    /** When a queued frame was last written, or the queue last became non-empty. */
    private volatile long lastOutboundProgressMillis;

    TioConnection(ChannelContext channel, TioCodecAdapter codec, Executor workers, ScheduledExecutorService timer,
                  Clock clock, long maxQueuedBytes) {
        this.channel = channel;
        this.codec = codec;
        this.serial = new SerialExecutor(workers);
        this.timer = timer;
        this.clock = clock;
        this.maxQueuedBytes = maxQueuedBytes;
        this.remote = channel.getClientNode() == null ? "?" : channel.getClientNode().getIp() + ":" + channel.getClientNode().getPort();
        this.lastInboundMillis = clock.millis();
        this.lastOutboundProgressMillis = lastInboundMillis;
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

    /**
     * Runs {@code task} on the calling thread if none of this connection's tasks is queued or
     * running on the serial executor, else queues it there; either way after every earlier one.
     */
    void runNowOrQueue(Runnable task) {
        serial.runNowOrQueue(task);
    }

    @Override
    public void send(Packet packet) {
        if (!isClosed()) {
            enqueue(codec.outbound(packet));
        }
    }

    @Override
    public void sendFrame(byte[] frame) {
        if (!isClosed()) {
            enqueue(TioFrame.outbound(frame));
        }
    }

    @Override
    public void sendFrame(byte[] frame, Runnable written) {
        if (!isClosed()) {
            TioFrame outbound = TioFrame.outbound(frame);
            outbound.setPacketListener((ctx, packet, sent) -> {
                if (sent) {
                    written.run();
                }
            });
            enqueue(outbound);
        }
    }

    @Override
    public void closeWith(Packet last, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        TioFrame frame = codec.outbound(last);
        frame.setPacketListener((ctx, packet, sent) -> Tio.close(ctx, reason));
        if (!enqueue(frame)) {
            Tio.close(channel, reason);
            return;
        }
        // A peer that stopped reading never lets the last packet out; do not wait for it forever.
        timer.schedule(() -> Tio.close(channel, reason), CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Hands a frame to t-io unless the queue limit forbids it, in which case the connection is
     * closed. Called on any thread. Returns whether the frame was queued.
     */
    private boolean enqueue(TioFrame frame) {
        if (overflowed.get()) {
            return false;
        }
        int size = frame.bytes().length;
        long queued = queuedBytes.addAndGet(size);
        if (queued == size) {
            lastOutboundProgressMillis = clock.millis();
        } else if (queued > maxQueuedBytes) {
            queuedBytes.addAndGet(-size);
            closeAsSlowConsumer("queuing " + size + " more bytes would exceed the limit of " + maxQueuedBytes);
            return false;
        }
        boolean taken = channel.sendRunnable instanceof NonBlockingSender sender ? sender.offer(frame) : Tio.send(channel, frame);
        if (!taken) {
            // Refused because the connection is closing: t-io will not report this frame.
            queuedBytes.addAndGet(-size);
            return false;
        }
        return true;
    }

    /**
     * t-io wrote this frame to the socket, or dropped it because the connection closed. Called on
     * a t-io thread.
     */
    void written(TioFrame frame) {
        if (frame.bytes() != null) {
            queuedBytes.addAndGet(-frame.bytes().length);
            lastOutboundProgressMillis = clock.millis();
        }
    }

    /** Bytes queued for this connection that t-io has not written yet. */
    long queuedBytes() {
        return queuedBytes.get();
    }

    /**
     * Whether frames have waited for {@code stallMillis} without a single one being written: the peer
     * has stopped reading, even if what it left queued is under the limit.
     */
    boolean isStalled(long nowMillis, long stallMillis) {
        return queuedBytes.get() > 0 && nowMillis - lastOutboundProgressMillis > stallMillis;
    }

    /**
     * Closes at once, dropping everything queued (no {@code bye}: it would only queue behind what
     * the peer does not read). Its messages stay in the database for the next sync.
     */
    void closeAsSlowConsumer(String why) {
        if (overflowed.compareAndSet(false, true)) {
            closing.set(true);
            log.warn("closing {}: slow consumer, {} ({} bytes queued)", this, why, queuedBytes.get());
            Tio.close(channel, SLOW_CONSUMER);
        }
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
