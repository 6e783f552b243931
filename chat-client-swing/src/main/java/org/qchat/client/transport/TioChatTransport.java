package org.qchat.client.transport;

import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.PacketMapper;
import org.qchat.protocol.Request;
import org.qchat.protocol.tio.TioCodecAdapter;
import org.qchat.protocol.tio.TioFrame;
import org.qchat.protocol.tio.TioTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tio.client.ClientChannelContext;
import org.tio.client.TioClient;
import org.tio.client.TioClientConfig;
import org.tio.client.intf.TioClientHandler;
import org.tio.client.intf.TioClientListener;
import org.tio.core.ChannelContext;
import org.tio.core.Node;
import org.tio.core.Tio;
import org.tio.core.TioConfig;
import org.tio.core.intf.Packet;
import org.tio.utils.thread.pool.SynThreadPoolExecutor;

/**
 * {@link ChatTransport} on t-io's client: framing by {@link TioCodecAdapter}, reconnection by
 * t-io's {@link org.tio.client.ReconnConf} (with our back-off). Each instance owns its thread
 * pools, because {@link TioClient#stop()} shuts down the pools it was given and t-io's defaults
 * are JVM-wide: a second client in the same JVM would be dead.
 *
 * <p>t-io's own heartbeat is off ({@code heartbeatPacket} returns null and the timeout is 0): the
 * core sends {@code ping} at the interval the server announces in {@code welcome}.
 *
 * <p>Listener callbacks arrive on t-io I/O threads, in order, and must not block.
 */
public final class TioChatTransport implements ChatTransport {

    /** Server frames may exceed the server's maxFrame (big member lists); the protocol caps them at 4 MiB. */
    public static final int MAX_INBOUND_FRAME = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(TioChatTransport.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final TioCodecAdapter codec = new TioCodecAdapter(new FrameCodec(new PacketMapper(), MAX_INBOUND_FRAME));
    private final int instance = INSTANCES.incrementAndGet();
    private volatile TransportListener listener;
    private volatile TioClient client;
    private volatile ClientChannelContext channel;
    private volatile BackoffReconnConf reconnConf;
    private volatile SynThreadPoolExecutor reconnExecutor;
    private volatile boolean closed;
    private volatile int maxOutboundFrame = FrameCodec.DEFAULT_MAX_FRAME_LENGTH;
    private final TlsSettings tls;

    public TioChatTransport() {
        this(TlsSettings.OFF);
    }

    public TioChatTransport(TlsSettings tls) {
        this.tls = tls;
    }

    @Override
    public void connect(ServerAddress address, TransportListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("connect() may be called once");
        }
        this.listener = listener;
        String prefix = "qchat-client-" + instance;
        // After close(), t-io may still hand over a late close or read-failure task; those are
        // dropped (DiscardPolicy) instead of dying with a RejectedExecutionException.
        SynThreadPoolExecutor tioExecutor = new SynThreadPoolExecutor(2, 2, 0, new LinkedBlockingQueue<>(),
                daemonThreads(prefix + "-tio"), prefix + "-tio", new ThreadPoolExecutor.DiscardPolicy());
        ThreadPoolExecutor groupExecutor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads(prefix + "-io"), new ThreadPoolExecutor.DiscardPolicy());
        // Discards work once shut down: t-io may still queue a reconnection for a link closed
        // during close() (a read failing as the socket closes races with our remove).
        reconnExecutor = new SynThreadPoolExecutor(1, 1, 0, new LinkedBlockingQueue<>(),
                daemonThreads(prefix + "-reconnect"), prefix + "-reconnect", new ThreadPoolExecutor.DiscardPolicy());
        reconnConf = new BackoffReconnConf(reconnExecutor);
        TioClientConfig config = new TioClientConfig(new Handler(), new Listener(), reconnConf, tioExecutor, groupExecutor);
        config.setName(prefix);
        // Must be set before TioClient starts its heartbeat thread: 0 makes that thread exit at once.
        config.setHeartbeatTimeout(0);
        config.logWhenDecodeError = false;
        try {
            if (tls.enabled()) {
                // t-io's client engine has no peer host, so the host check lives in our trust manager.
                config.setSslConfig(TioTls.client(tls.trustManagers(address.host())));
            }
            client = new TioClient(config);
            client.asynConnect(new Node(address.host(), address.port()));
        } catch (Exception e) {
            // Only setup failures land here (an unreachable server is reported asynchronously).
            listener.connectFailed(e.toString());
        }
    }

    @Override
    public boolean send(Request request) {
        ClientChannelContext current = channel;
        if (closed || current == null || current.isClosed || current.isRemoved) {
            return false;
        }
        TioFrame frame = codec.outbound(request);
        int body = frame.bytes().length - FrameCodec.HEADER_LENGTH;
        if (body > maxOutboundFrame) {
            throw new IllegalArgumentException("frame of " + body + " bytes exceeds the server's limit of "
                    + maxOutboundFrame);
        }
        return Tio.send(current, frame);
    }

    @Override
    public void setMaxOutboundFrame(int bytes) {
        maxOutboundFrame = bytes;
    }

    @Override
    public void reset(String reason) {
        ClientChannelContext current = channel;
        if (!closed && current != null && !current.isClosed) {
            log.info("dropping the link: {}", reason);
            Tio.close(current, reason);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        TioClient current = client;
        ClientChannelContext context = channel;
        if (current == null) {
            return;
        }
        // TioClient.stop() waits for its pools to drain: never on the caller's (possibly the Swing) thread.
        Thread stopper = new Thread(() -> {
            try {
                if (context != null) {
                    Tio.remove(context, "closed by the client");
                    awaitRemoved(context);
                }
                current.stop();
                // Graceful: ends once its (now closed) channels are gone. shutdownNow() would fail
                // a read still pending inside the JDK with ShutdownChannelGroupException.
                current.getChannelGroup().shutdown();
            } catch (Exception e) {
                log.debug("error while stopping the t-io client", e);
            } finally {
                reconnExecutor.shutdownNow();
                if (context != null) {
                    // t-io's reconnect thread waits on this queue; one more entry lets it see that
                    // the client stopped and end, instead of idling for the rest of the JVM's life.
                    reconnConf.getQueue().add(context);
                }
            }
        }, "qchat-client-" + instance + "-close");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Lets t-io finish closing the link before its pools stop (bounded: it must not hang a quit). */
    private static void awaitRemoved(ClientChannelContext context) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!context.isRemoved && System.nanoTime() < deadline) {
            // Only on the dedicated close thread; t-io offers no completion callback for remove.
            Thread.sleep(10);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Framing and dispatch, on t-io I/O threads. */
    private final class Handler implements TioClientHandler {

        @Override
        public Packet decode(ByteBuffer buffer, int limit, int position, int readableLength, ChannelContext context) {
            return codec.decode(buffer, limit, position, readableLength, context);
        }

        @Override
        public ByteBuffer encode(Packet packet, TioConfig config, ChannelContext context) {
            return codec.encode(packet);
        }

        @Override
        public void handler(Packet packet, ChannelContext context) {
            TioFrame frame = (TioFrame) packet;
            if (frame.broken() != null) {
                // The stream cannot be trusted any more: drop it and let reconnection start afresh.
                log.warn("broken frame from the server ({}); reconnecting", frame.broken().getMessage());
                Tio.close(context, "broken frame");
                return;
            }
            if (frame.rejected() != null) {
                // A newer server may push types we do not know; ignoring them keeps us compatible.
                log.info("ignoring a packet we cannot read: {}", frame.rejected().getMessage());
                return;
            }
            if (!closed) {
                log.debug("received {}", frame.packet().type());
                listener.packetReceived(frame.packet());
            }
        }

        @Override
        public Packet heartbeatPacket(ChannelContext context) {
            return null;
        }
    }

    /** Link state, on t-io threads. */
    private final class Listener implements TioClientListener {

        @Override
        public void onAfterConnected(ChannelContext context, boolean isConnected, boolean isReconnect) {
            if (closed) {
                if (isConnected) {
                    Tio.remove(context, "closed by the client");
                }
                return;
            }
            if (isConnected) {
                channel = (ClientChannelContext) context;
                reconnConf.succeeded();
                log.info("connected to {}:{}", context.getServerNode().getIp(), context.getServerNode().getPort());
                listener.connected();
            } else {
                reconnConf.failed();
                log.info("connection attempt failed; next in {} ms", reconnConf.getInterval());
                listener.connectFailed("cannot connect");
            }
        }

        @Override
        public void onBeforeClose(ChannelContext context, Throwable throwable, String remark, boolean isRemove) {
            if (closed || context != channel) {
                return;
            }
            channel = null;
            String reason = remark != null && remark.chars().allMatch(ch -> ch < 128) ? remark
                    : String.valueOf(context.getCloseCode());
            log.info("link closed: {}", reason);
            listener.disconnected(reason);
        }

        @Override
        public void onAfterDecoded(ChannelContext context, Packet packet, int packetSize) {
        }

        @Override
        public void onAfterReceivedBytes(ChannelContext context, int receivedBytes) {
        }

        @Override
        public void onAfterSent(ChannelContext context, Packet packet, boolean isSentSuccess) {
            log.debug("sent {} bytes, ok={}", ((TioFrame) packet).bytes().length, isSentSuccess);
        }

        @Override
        public void onAfterHandled(ChannelContext context, Packet packet, long cost) {
        }
    }
}
