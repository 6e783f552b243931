package org.qchat.server;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.PacketMapper;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.packet.ByePush;
import org.qchat.protocol.packet.Welcome;
import org.qchat.protocol.tio.TioTls;
import org.qchat.protocol.tls.ServerIdentity;
import org.qchat.server.cluster.ClusterNode;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.db.Jdbc;
import org.qchat.server.service.ClusterWrites;
import org.qchat.server.service.DeviceCloser;
import org.qchat.server.service.DeviceNotices;
import org.qchat.server.state.StateRefresher;
import org.qchat.server.store.message.JdbcMessageLog;
import org.qchat.server.config.Tls;
import org.qchat.server.config.ServerOptions;
import org.qchat.server.handler.ErrorReporter;
import org.qchat.server.handler.Handlers;
import org.qchat.server.handler.RequestDispatcher;
import org.qchat.server.limit.TokenBucket;
import org.qchat.server.net.TioTransport;
import org.qchat.server.ops.MetricsHttpServer;
import org.qchat.server.ops.ServerMetrics;
import org.qchat.server.route.LocalRouter;
import org.qchat.server.service.CursorWriter;
import org.qchat.server.service.MessageWriter;
import org.qchat.server.service.Services;
import org.qchat.server.files.FileInspector;
import org.qchat.server.files.FileService;
import org.qchat.server.files.FileSweeper;
import org.qchat.server.media.MediaInspector;
import org.qchat.server.store.blob.FileBlobStore;
import org.qchat.server.store.file.FileCatalog;
import org.qchat.server.service.SessionJanitor;
import org.qchat.server.store.Storage;
import org.slf4j.Logger;
import org.tio.core.ssl.SslConfig;
import org.slf4j.LoggerFactory;

/**
 * A running qchat server: wires the stores, services, handlers and transport, and stops them in
 * the order that loses nothing. {@link #main} is the command line ({@link ServerOptions}).
 */
public final class ChatServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatServer.class);
    public static final String VERSION = "qchat/0.1.0";

    private final Storage storage;
    private final ExecutorService workers;
    private final MessageWriter writer;
    private final CursorWriter cursorWriter;
    private final TioTransport transport;
    private final ServerMetrics metrics;
    private final MetricsHttpServer metricsHttp;
    private final ScheduledExecutorService housekeeping;
    private final ClusterNode node;
    private final DeviceNotices notices;
    /** Finishes uploads and reads files for downloads. */
    private final ExecutorService fileWork;
    private volatile boolean closed;

    /** Longest side of an image's thumbnail in its message, in pixels. */
    static final int THUMBNAIL_SIDE = 240;
    /** Most bytes of a thumbnail (JPEG, before base64). */
    static final int THUMBNAIL_BYTES = 48 * 1024;

    private ChatServer(Storage storage, ExecutorService workers, MessageWriter writer, CursorWriter cursorWriter,
                       TioTransport transport, ServerMetrics metrics, MetricsHttpServer metricsHttp,
                       ScheduledExecutorService housekeeping, ClusterNode node, DeviceNotices notices,
                       ExecutorService fileWork) {
        this.fileWork = fileWork;
        this.node = node;
        this.notices = notices;
        this.storage = storage;
        this.workers = workers;
        this.writer = writer;
        this.cursorWriter = cursorWriter;
        this.transport = transport;
        this.metrics = metrics;
        this.metricsHttp = metricsHttp;
        this.housekeeping = housekeeping;
    }

    public static void main(String[] args) {
        System.exit(ServerOptions.run(args));
    }

    /** Opens the database (migrating it), then starts listening. Ready when it returns. */
    public static ChatServer start(ServerConfig config) throws Exception {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(ServerConfig)}, reading the time from {@code clock} (tests move it to expire mutes). */
    public static ChatServer start(ServerConfig config, Clock clock) throws Exception {
        Storage storage = Storage.open(config);
        ServerMetrics metrics = new ServerMetrics();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 4),
                new NamedThreads("qchat-worker"));
        Services services = null;
        ExecutorService fileWork = null;
        ClusterNode node = null;
        DeviceNotices notices = null;
        try {
            PacketMapper mapper = new PacketMapper();
            FrameCodec codec = new FrameCodec(mapper, config.maxFrameLength());
            LocalRouter router = new LocalRouter(codec);
            // Every server on PostgreSQL hears when another process (a node, the user command) closes a user's devices.
            notices = config.embedded() || !storage.db().tx(Jdbc::isPostgres) ? null : new DeviceNotices(storage.db());
            DeviceCloser.Elsewhere elsewhere = notices == null ? DeviceCloser.Elsewhere.NOWHERE : notices;
            Services.Wiring wiring;
            if (config.cluster() != null) {
                node = new ClusterNode(config.cluster(), storage.state(), storage.messages(), storage.db(), router, codec);
                wiring = new Services.Wiring(node.router(), router, node.pushes(),
                        new ClusterWrites((JdbcMessageLog) storage.messages(), new StateRefresher(storage.state()), node),
                        elsewhere, node.beforeLogin());
            } else {
                wiring = Services.Wiring.single(router, elsewhere, storage);
            }
            services = Services.create(config, storage, wiring, mapper, clock, metrics::messagesStored);
            FileBlobStore blobs = new FileBlobStore(config.files().dirUnder(config.dataDir()));
            fileWork = Executors.newFixedThreadPool(2, new NamedThreads("qchat-files"));
            FileCatalog catalog = new FileCatalog();
            FileService files = new FileService(storage.db(), catalog, blobs,
                    new FileInspector(new MediaInspector(config.files().maxImagePixels(), THUMBNAIL_SIDE, THUMBNAIL_BYTES),
                            blobs::path),
                    services.messages(), config.files(), fileWork, clock);
            FileSweeper sweeper = new FileSweeper(storage.db(), catalog, blobs, clock);
            RequestDispatcher dispatcher = new RequestDispatcher(Handlers.create(config, clock, services, files),
                    new ErrorReporter(metrics::error),
                    () -> new TokenBucket(config.rateLimits().requestBurst(), config.rateLimits().requestsPerSecond(),
                            System::nanoTime),
                    files::received);
            services.start();
            if (notices != null) {
                notices.listen(new DeviceCloser(router));
            }
            if (node != null) {
                node.start(services.writer(), services.presence(), metrics);
            }
            ClusterNode clusterNode = node;

            long idleSeconds = config.idleTimeout().toSeconds();
            Welcome welcome = new Welcome(ProtocolVersion.CURRENT, VERSION, config.maxFrameLength(),
                    (int) Math.max(1, idleSeconds / 3));
            TioTransport transport = TioTransport.start(config.bindAddress(), config.port(), codec, dispatcher,
                    services.presence(), workers, clock, config.idleTimeout(),
                    config.caps().maxOutboundQueueBytes(), welcome, tlsOf(config));

            MessageWriter writer = services.writer();
            metrics.gauge("qchat.connections", "open client connections", transport::connectionCount);
            metrics.gauge("qchat.online.users", "users with at least one logged-in device", router::onlineUserCount);
            metrics.gauge("qchat.message.writer.queue", "messages and state changes waiting for the writer", writer::queued);
            metrics.gauge("qchat.cursor.writer.queue", "sync.ack cursors moved in memory, not yet written",
                    services.cursorWriter()::queued);
            metrics.counter("qchat.files.stored", "uploads finished and stored", files::filesStored);
            metrics.counter("qchat.files.received.bytes", "upload bytes written", files::bytesReceived);
            metrics.counter("qchat.files.sent.bytes", "download bytes sent", files::bytesSent);
            metrics.gauge("qchat.outbound.queued.bytes", "bytes queued for open connections, not yet written",
                    transport::queuedOutboundBytes);
            MetricsHttpServer http = config.metricsPort() < 0 ? null
                    : MetricsHttpServer.start(config.metricsBindAddress(), config.metricsPort(), metrics,
                            () -> "{\"status\":\"up\",\"connections\":" + transport.connectionCount()
                                    + ",\"onlineUsers\":" + router.onlineUserCount()
                                    + (clusterNode == null ? "" : ",\"cluster\":" + clusterNode.healthJson()) + "}");
            log.info("qchat listening on {}:{} ({}, {}), metrics {}", config.bindAddress(), transport.port(),
                    config.tls() == null ? "plain TCP" : "TLS",
                    config.embedded() ? "embedded store in " + config.dataDir().toAbsolutePath()
                            + ", durability " + config.durability().name().toLowerCase(java.util.Locale.ROOT)
                            : config.cluster() != null ? "cluster node " + config.cluster().nodeId() : "external database",
                    http == null ? "off" : config.metricsBindAddress() + ":" + http.port());
            SessionJanitor janitor = services.janitor();
            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(new NamedThreads("qchat-housekeeping"));
            housekeeping.scheduleWithFixedDelay(() -> {
                try {
                    janitor.purgeIdle();
                } catch (RuntimeException e) {
                    log.warn("purging idle sessions failed: {}", e.toString());
                }
            }, 1, 60, TimeUnit.MINUTES);
            housekeeping.scheduleWithFixedDelay(() -> {
                try {
                    sweeper.sweep();
                } catch (IOException | RuntimeException e) {
                    log.warn("sweeping stored files failed: {}", e.toString());
                }
            }, 2, 10, TimeUnit.MINUTES);
            return new ChatServer(storage, workers, services.writer(), services.cursorWriter(), transport, metrics, http,
                    housekeeping, node, notices, fileWork);
        } catch (Exception | Error e) {
            if (services != null) {
                services.writer().close();
                services.cursorWriter().close();
            }
            if (node != null) {
                node.close();
            }
            if (notices != null) {
                notices.close();
            }
            workers.shutdownNow();
            if (fileWork != null) {
                fileWork.shutdownNow();
            }
            metrics.close();
            storage.close();
            throw e;
        }
    }

    private static SslConfig tlsOf(ServerConfig config) throws Exception {
        Tls tls = config.tls();
        if (tls == null) {
            return null;
        }
        char[] password = tls.password() == null ? new char[0] : tls.password().toCharArray();
        return TioTls.server(ServerIdentity.load(tls.keystore(), tls.type(), password));
    }

    /** The storage this server runs on; tests read what it stored through it. */
    public Storage storage() {
        return storage;
    }

    public int port() {
        return transport.port();
    }

    public int metricsPort() {
        return metricsHttp == null ? -1 : metricsHttp.port();
    }

    /**
     * Stops gracefully: no new connections, every queued message committed and acknowledged,
     * {@code bye} to every client, then the network and the database are closed.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("qchat shutting down");
        housekeeping.shutdownNow();
        transport.stopAccepting();
        writer.close();
        transport.closeAll(new ByePush("shutdown", "the server is shutting down"), Duration.ofSeconds(3));
        transport.close();
        if (node != null) {
            node.close();
        }
        if (notices != null) {
            notices.close();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fileWork.shutdown();
        try {
            if (!fileWork.awaitTermination(5, TimeUnit.SECONDS)) {
                fileWork.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // After the workers: an ack still being handled is stored, as when acks committed on their own.
        cursorWriter.close();
        if (metricsHttp != null) {
            metricsHttp.close();
        }
        metrics.close();
        storage.close();
        log.info("qchat stopped");
    }

    /** Names pool threads so thread dumps and logs say whose they are. */
    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private final String prefix;
        private final AtomicInteger next = new AtomicInteger(1);

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            return new Thread(r, prefix + "-" + next.getAndIncrement());
        }
    }
}
