package org.qchat.server.net;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ShutdownChannelGroupException;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import org.qchat.protocol.packet.ByePush;
import org.qchat.protocol.packet.Welcome;
import org.qchat.protocol.tio.TioCodecAdapter;
import org.qchat.protocol.tio.TioFrame;
import org.qchat.server.service.PresenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tio.core.ChannelContext;
import org.tio.core.intf.Packet;
import org.tio.server.intf.TioServerListener;

/**
 * Connection lifecycle: sets TCP_NODELAY, greets with {@code welcome}, logs one line at open and
 * one at close (with the reason) at DEBUG — at INFO they were a pair of lines per connection, which
 * under connection churn costs more than it tells; a close caused by anything but an I/O error is
 * a WARN with its stack — and takes the user offline when a connection goes away.
 */
final class ServerConnectionListener implements TioServerListener {

    private static final Logger log = LoggerFactory.getLogger("org.qchat.server.connections");

    private final TioCodecAdapter codec;
    private final ConnectionRegistry registry;
    private final PresenceService presence;
    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Welcome welcome;
    private final long maxOutboundQueueBytes;
    private volatile boolean accepting = true;

    ServerConnectionListener(TioCodecAdapter codec, ConnectionRegistry registry, PresenceService presence,
                             Executor workers, ScheduledExecutorService timer, Clock clock, Welcome welcome,
                             long maxOutboundQueueBytes) {
        this.codec = codec;
        this.registry = registry;
        this.presence = presence;
        this.workers = workers;
        this.timer = timer;
        this.clock = clock;
        this.welcome = welcome;
        this.maxOutboundQueueBytes = maxOutboundQueueBytes;
    }

    @Override
    public void onAfterConnected(ChannelContext channel, boolean isConnected, boolean isReconnect) {
        if (!isConnected) {
            return;
        }
        NonBlockingSender.install(channel);
        try {
            // t-io leaves Nagle on for accepted sockets: small pushes would wait up to 40 ms.
            channel.asynchronousSocketChannel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            log.warn("could not set TCP_NODELAY on {}: {}", channel.getId(), e.toString());
        }
        TioConnection connection = new TioConnection(channel, codec, workers, timer, clock, maxOutboundQueueBytes);
        channel.setAttribute(connection);
        registry.add(connection);
        log.info("open {}", connection);
        if (!accepting) {
            connection.closeWith(new ByePush("shutdown", "the server is shutting down"), "server shutdown");
            return;
        }
        connection.send(welcome);
    }

    void stopAccepting() {
        accepting = false;
    }

    @Override
    public void onBeforeClose(ChannelContext channel, Throwable throwable, String remark, boolean isRemove) {
        if (!(channel.getAttribute() instanceof TioConnection connection)) {
            return;
        }
        registry.remove(connection);
        if (throwable != null && !(throwable instanceof IOException) && !stoppedUnderIt(throwable)) {
            log.warn("close {} reason={}", connection, describe(channel, throwable, remark), throwable);
        } else if (log.isInfoEnabled()) {
            log.info("close {} reason={}", connection, describe(channel, throwable, remark));
        }
        connection.serialExecutor().execute(() -> {
            presence.detach(connection);
            connection.session().closeAttachments();
        });
    }

    /**
     * The server stopped while this link still had a read or write to start: the JDK refuses it
     * with {@link ShutdownChannelGroupException}. That is the end of a shutdown, not a fault, so
     * it gets the one-line close record instead of a stack trace.
     */
    static boolean stoppedUnderIt(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof ShutdownChannelGroupException) {
                return true;
            }
        }
        return false;
    }

    /** Our own close reasons are English; t-io's are not, so its close code stands in for them. */
    private static String describe(ChannelContext channel, Throwable throwable, String remark) {
        String reason = remark != null && !remark.isBlank() && remark.chars().allMatch(ch -> ch < 128)
                ? remark
                : String.valueOf(channel.getCloseCode()).toLowerCase(java.util.Locale.ROOT);
        if (throwable != null && throwable.getMessage() != null) {
            reason += " (" + throwable.getClass().getSimpleName() + ")";
        }
        return reason;
    }

    @Override
    public boolean onHeartbeatTimeout(ChannelContext channel, Long interval, int heartbeatTimeoutCount) {
        return false;
    }

    @Override
    public void onAfterDecoded(ChannelContext channel, Packet packet, int packetSize) {
    }

    /** With TLS the handshake is answered before onAfterConnected: the sender goes in before that. */
    @Override
    public void onAfterReceivedBytes(ChannelContext channel, int receivedBytes) {
        NonBlockingSender.install(channel);
    }

    /**
     * t-io calls this once per frame: after writing it, or with {@code isSentSuccess} false when it
     * drops the frame because the connection closed (CloseRunnable clears the send queue through
     * here). Either way its bytes leave the connection's outbound count.
     */
    @Override
    public void onAfterSent(ChannelContext channel, Packet packet, boolean isSentSuccess) {
        if (channel.getAttribute() instanceof TioConnection connection && packet instanceof TioFrame frame) {
            connection.written(frame);
        }
    }

    @Override
    public void onAfterHandled(ChannelContext channel, Packet packet, long cost) {
    }
}
