package org.qchat.server.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.packet.ByePush;
import org.qchat.protocol.packet.Welcome;
import org.qchat.protocol.tio.TioCodecAdapter;
import org.qchat.server.handler.RequestDispatcher;
import org.qchat.server.service.PresenceService;
import org.tio.core.ssl.SslConfig;
import org.tio.server.TioServer;
import org.tio.server.TioServerConfig;
import org.tio.utils.thread.pool.DefaultThreadFactory;
import org.tio.utils.thread.pool.SynThreadPoolExecutor;

/**
 * The TCP side of the server on t-io: listens, owns the connections, closes idle ones. Each
 * instance has its own thread pools (t-io's shared defaults die with the first server stopped in
 * a JVM) and its own idle check, which counts only bytes received: t-io's built-in check also
 * counts bytes sent, so a dead peer we keep pushing to would never time out.
 */
public final class TioTransport implements AutoCloseable {

    private final TioServer server;
    private final ConnectionRegistry registry;
    private final ScheduledExecutorService timer;
    private final ServerConnectionListener listener;
    private final int port;

    private TioTransport(TioServer server, ConnectionRegistry registry, ScheduledExecutorService timer,
                         ServerConnectionListener listener, int port) {
        this.server = server;
        this.listener = listener;
        this.registry = registry;
        this.timer = timer;
        this.port = port;
    }

    /** Starts listening; {@code tls} null means plain TCP. */
    public static TioTransport start(String bindAddress, int port, FrameCodec codec, RequestDispatcher dispatcher,
                                     PresenceService presence, Executor workers, Clock clock, Duration idleTimeout,
                                     long maxOutboundQueueBytes, Welcome welcome, SslConfig tls) throws IOException {
        TioCodecAdapter adapter = new TioCodecAdapter(codec);
        ConnectionRegistry registry = new ConnectionRegistry();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qchat-timer");
            t.setDaemon(true);
            return t;
        });
        int cores = Runtime.getRuntime().availableProcessors();
        SynThreadPoolExecutor tioExecutor = new SynThreadPoolExecutor(cores, cores, 0, new LinkedBlockingQueue<>(),
                DefaultThreadFactory.getInstance("qchat-tio-worker", Thread.NORM_PRIORITY), "qchat-tio-worker");
        // t-io wants an executor for its channel group and shuts it down on stop; FixedPoolTioServer
        // runs the sockets on a pool of its own instead, so this one never gets a task.
        ThreadPoolExecutor groupExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DefaultThreadFactory.getInstance("qchat-tio-unused", Thread.NORM_PRIORITY));

        ServerConnectionListener listener = new ServerConnectionListener(adapter, registry, presence, workers, timer,
                clock, welcome, maxOutboundQueueBytes);
        TioServerConfig config = new TioServerConfig("qchat", new ServerPacketHandler(adapter, dispatcher, clock),
                listener, tioExecutor, groupExecutor);
        config.setHeartbeatTimeout(0);
        config.setReadBufferSize(ServerPacketHandler.READ_BUFFER_BYTES);
        // t-io's name for "keep no lookup maps of connections" (by id, address, IP, user, group; each
        // costs every connection an entry, and a group set with its own lock). Connections are found
        // through the registry and the router; t-io only sends to and closes a given channel.
        config.setShortConnection(true);
        if (tls != null) {
            config.setSslConfig(tls);
        }
        config.logWhenDecodeError = false;

        TioServer server = new FixedPoolTioServer(config, cores,
                DefaultThreadFactory.getInstance("qchat-tio-io", Thread.NORM_PRIORITY));
        server.start(bindAddress, port);
        int boundPort = ((InetSocketAddress) server.getServerSocketChannel().getLocalAddress()).getPort();

        long idleMillis = idleTimeout.toMillis();
        long period = Math.max(200, Math.min(1000, idleMillis / 4));
        timer.scheduleAtFixedRate(() -> closeIdle(registry, clock, idleMillis), period, period, TimeUnit.MILLISECONDS);
        return new TioTransport(server, registry, timer, listener, boundPort);
    }

    /**
     * Closes connections that sent nothing for the idle timeout (dead links), and connections that
     * for as long have had frames queued of which not one was written: a peer that keeps pinging
     * but stopped reading just under the queue limit would otherwise hold its queue until it
     * disconnects.
     */
    private static void closeIdle(ConnectionRegistry registry, Clock clock, long idleMillis) {
        long now = clock.millis();
        for (TioConnection connection : registry.snapshot()) {
            if (connection.isClosing()) {
                continue;
            }
            if (now - connection.lastInboundMillis() > idleMillis) {
                connection.closeWith(new ByePush("idle_timeout", "nothing received for " + idleMillis / 1000 + " s"),
                        "idle timeout");
            } else if (connection.isStalled(now, idleMillis)) {
                connection.closeAsSlowConsumer("nothing written for " + idleMillis / 1000 + " s");
            }
        }
    }

    public int port() {
        return port;
    }

    public int connectionCount() {
        return registry.size();
    }

    /** Bytes queued for all open connections that t-io has not written yet. */
    public long queuedOutboundBytes() {
        long total = 0;
        for (TioConnection connection : registry.snapshot()) {
            total += connection.queuedBytes();
        }
        return total;
    }

    /**
     * Turns away new connections (each gets {@code bye} and is closed); open connections keep
     * working. The listening socket itself stays open until {@link #close()}: t-io retries a
     * failed accept at once, so closing it early would spin.
     */
    public void stopAccepting() {
        listener.stopAccepting();
    }

    /** Sends {@code bye} to every connection and waits up to {@code grace} for them to close. */
    public void closeAll(Packet bye, Duration grace) {
        for (TioConnection connection : registry.snapshot()) {
            connection.closeWith(bye, "server shutdown");
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (registry.size() > 0 && System.nanoTime() < deadline) {
            try {
                // Shutdown path only: poll the registry while connections finish their last write.
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        server.stop();
        timer.shutdownNow();
    }
}
