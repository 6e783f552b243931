package org.qchat.client.transport;

import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.TrustManager;

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
 * {@link ChatTransport} on t-io's client: framing by {@link TioCodecAdapter}; reconnection by our
 * own loop, one attempt at a time on a "connect" thread, because t-io's
 * {@link org.tio.client.ReconnConf} only ever returns to the address a link was first made to. The
 * {@link Rotation} picks the next address (round robin, back-off after a full round). Each instance
 * owns its thread pools, because {@link TioClient#stop()} shuts down the pools it was given and
 * t-io's defaults are JVM-wide: a second client in the same JVM would be dead.
 *
 * <p>Every link is a fresh {@link ClientChannelContext}. An attempt is known by the {@link Node}
 * it was made with (a new object each time): whatever t-io reports for another node is a link we
 * gave up on, and is removed.
 *
 * <p>t-io's own heartbeat is off ({@code heartbeatPacket} returns null and the timeout is 0): the
 * core sends {@code ping} at the interval the server announces in {@code welcome}.
 *
 * <p>Listener callbacks arrive on t-io I/O threads or on the connect thread, one at a time and in
 * order (they are made under {@link #lock}), and must not block.
 */
public final class TioChatTransport implements ChatTransport {

    /** Server frames may exceed the server's maxFrame (big member lists); the protocol caps them at 4 MiB. */
    public static final int MAX_INBOUND_FRAME = 4 * 1024 * 1024;
    /** With other nodes to try, one that silently drops our packets must not hold up the failover. */
    static final int FAILOVER_CONNECT_TIMEOUT_SECONDS = 5;
    /** With a single address there is nothing better to do than wait: the system gives up first. */
    static final int SOLE_CONNECT_TIMEOUT_SECONDS = 300;

    private static final Logger log = LoggerFactory.getLogger(TioChatTransport.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final TioCodecAdapter codec = new TioCodecAdapter(new FrameCodec(new PacketMapper(), MAX_INBOUND_FRAME));
    private final int instance = INSTANCES.incrementAndGet();
    private final TlsSettings tls;
    /** Guards the link's state below and orders the listener's callbacks. */
    private final Object lock = new Object();
    private volatile TransportListener listener;
    private volatile TioClient client;
    private volatile ScheduledThreadPoolExecutor connector;
    private volatile ClientChannelContext channel;
    private volatile boolean closed;
    private volatile int maxOutboundFrame = FrameCodec.DEFAULT_MAX_FRAME_LENGTH;
    /** Read by the TLS trust manager during a handshake: the address of the attempt in progress. */
    private volatile ServerAddress attemptAddress;
    private Rotation rotation;
    /** The attempt in progress, null between attempts; written under {@link #lock}. */
    private volatile Node attemptNode;
    private int connectTimeoutSeconds;
    /** The next attempt while it waits out its delay, and where it goes; written under {@link #lock}. */
    private ScheduledFuture<?> waiting;
    private ServerAddress waitingFor;
    private final RetiredLinks retired = new RetiredLinks();

    public TioChatTransport() {
        this(TlsSettings.OFF);
    }

    public TioChatTransport(TlsSettings tls) {
        this.tls = tls;
    }

    @Override
    public void connect(ServerList servers, TransportListener listener) {
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
        connector = new ScheduledThreadPoolExecutor(1, daemonThreads(prefix + "-connect"),
                new ThreadPoolExecutor.DiscardPolicy());
        // No ReconnConf: the connect loop below reconnects, to whichever address comes next.
        TioClientConfig config = new TioClientConfig(new Handler(), new Listener(), null, tioExecutor, groupExecutor);
        config.setName(prefix);
        // Must be set before TioClient starts its heartbeat thread: 0 makes that thread exit at once.
        config.setHeartbeatTimeout(0);
        config.logWhenDecodeError = false;
        connectTimeoutSeconds = servers.size() > 1 ? FAILOVER_CONNECT_TIMEOUT_SECONDS : SOLE_CONNECT_TIMEOUT_SECONDS;
        try {
            if (tls.enabled()) {
                // t-io's client engine has no peer host, so the host check lives in our trust manager.
                config.setSslConfig(TioTls.client(new TrustManager[] {
                        AttemptTrust.of(tls, servers, () -> attemptAddress == null ? null : attemptAddress.host())}));
            }
            client = new TioClient(config);
        } catch (Exception e) {
            // Only setup failures land here (an unreachable server is reported by the connect loop).
            listener.connectFailed(e.toString());
            return;
        }
        Rotation.Attempt first;
        synchronized (lock) {
            rotation = new Rotation(servers);
            first = rotation.first();
        }
        schedule(first);
    }

    @Override
    public boolean send(Request request) {
        ClientChannelContext current = channel;
        if (closed || current == null || current.isClosed || current.isRemoved) {
            return false;
        }
        return sendChecked(current, codec.outbound(request));
    }

    @Override
    public boolean sendFrame(byte[] frame) {
        ClientChannelContext current = channel;
        if (closed || current == null || current.isClosed || current.isRemoved) {
            return false;
        }
        return sendChecked(current, TioFrame.outbound(frame));
    }

    private boolean sendChecked(ClientChannelContext current, TioFrame frame) {
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
        ClientChannelContext context;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            context = channel;
            channel = null;
        }
        ScheduledThreadPoolExecutor loop = connector;
        if (loop != null) {
            // Interrupts an attempt waiting for its connection; no further attempt starts.
            loop.shutdownNow();
        }
        TioClient current = client;
        if (current == null) {
            return;
        }
        // TioClient.stop() waits for its pools to drain: never on the caller's (possibly the Swing) thread.
        Thread stopper = new Thread(() -> {
            try {
                retired.removeAll();
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

    // ---- the connect loop ----------------------------------------------------------------------

    private void schedule(Rotation.Attempt attempt) {
        ScheduledFuture<?> task = connector.schedule(() -> attempt(attempt.address()), attempt.delayMillis(),
                TimeUnit.MILLISECONDS);
        synchronized (lock) {
            waiting = task;
            waitingFor = attempt.address();
        }
    }

    @Override
    public void retryNow() {
        synchronized (lock) {
            if (closed || channel != null || attemptNode != null || waiting == null
                    || waiting.getDelay(TimeUnit.MILLISECONDS) <= 0) {
                return; // a link is up, an attempt runs, or the next one is due anyway
            }
            if (waiting.cancel(false)) {
                log.info("retrying {} now instead of after the back-off", waitingFor);
                schedule(new Rotation.Attempt(waitingFor, 0));
            }
        }
    }

    /** One connection attempt, on the connect thread. Blocks until TCP connects, fails or times out. */
    private void attempt(ServerAddress address) {
        Node node = new Node(address.host(), address.port());
        synchronized (lock) {
            if (closed) {
                return;
            }
            attemptNode = node;
            attemptAddress = address;
        }
        retired.removeClosed();
        ClientChannelContext context;
        try {
            // Returns the new link once TCP is up (TLS then shakes hands), null if it failed or timed out.
            context = client.connect(node, null, 0, null, connectTimeoutSeconds);
        } catch (InterruptedException e) {
            return; // close() stopped the loop
        } catch (Exception e) {
            log.debug("connecting to {} failed", address, e);
            context = null;
        }
        if (context == null) {
            attemptFailed(node, "cannot connect to " + address);
        }
        // Otherwise Listener.onAfterConnected (after the TLS handshake, if any) or onBeforeClose decides.
    }

    /** The attempt made with {@code node} failed, unless it was already given up on. */
    private void attemptFailed(Node node, String reason) {
        synchronized (lock) {
            if (closed || node != attemptNode) {
                return;
            }
            attemptNode = null;
            ServerAddress failed = rotation.current();
            Rotation.Attempt next = rotation.failed();
            log.info("connecting to {} failed; next: {} in {} ms", failed, next.address(), next.delayMillis());
            listener.connectFailed(reason);
            schedule(next);
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
            // A server greets at once, possibly before t-io reports the link up: the attempt's own
            // link counts too. Only a link given up on (removed as soon as t-io reports it) is ignored.
            if (!closed && (context == channel || context.getServerNode() == attemptNode)) {
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
            ClientChannelContext link = (ClientChannelContext) context;
            synchronized (lock) {
                if (!closed && link.getServerNode() == attemptNode) {
                    if (!isConnected) {
                        attemptFailed(attemptNode, "cannot connect");
                        return;
                    }
                    attemptNode = null;
                    channel = link;
                    rotation.connected();
                    log.info("connected to {}:{}", link.getServerNode().getIp(), link.getServerNode().getPort());
                    listener.connected();
                    return;
                }
            }
            if (isConnected) {
                // Closed meanwhile, or an attempt that came through after we had moved on.
                Tio.remove(context, closed ? "closed by the client" : "an attempt already given up");
            }
        }

        @Override
        public void onBeforeClose(ChannelContext context, Throwable throwable, String remark, boolean isRemove) {
            ClientChannelContext link = (ClientChannelContext) context;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                if (link == channel) {
                    channel = null;
                    retired.add(link);
                    String reason = remark != null && remark.chars().allMatch(ch -> ch < 128) ? remark
                            : String.valueOf(context.getCloseCode());
                    ServerAddress lost = rotation.current();
                    Rotation.Attempt next = rotation.dropped();
                    log.info("link to {} closed: {}; next: {} in {} ms", lost, reason, next.address(), next.delayMillis());
                    listener.disconnected(reason);
                    schedule(next);
                } else if (link.getServerNode() == attemptNode) {
                    // TCP came up but the link closed before it was ready: the TLS handshake failed.
                    retired.add(link);
                    attemptFailed(attemptNode, remark == null ? "the connection closed at once" : remark);
                }
            }
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
