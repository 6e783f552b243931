package org.qchat.server.net;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.ShutdownChannelGroupException;
import java.util.concurrent.ThreadFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tio.core.Node;
import org.tio.server.AcceptCompletionHandler;
import org.tio.server.TioServer;
import org.tio.server.TioServerConfig;

/**
 * t-io's server with its sockets on a fixed pool of I/O threads, each waiting for events itself.
 *
 * <p>Why: t-io opens its channel group with {@code withThreadPool(executor)}, for which the JDK adds
 * one internal thread that waits in {@code epoll}, does the read, and then hands each completion to
 * the executor: two threads and a wake-up per event, on every read and write of every connection.
 * With {@code withFixedThreadPool} the pool's threads take turns waiting in {@code epoll} and run
 * the completion where the event arrived. Everything else is t-io's: the accept handler, options,
 * per-connection state, {@link #stop()}.
 */
final class FixedPoolTioServer extends TioServer {

    private static final Logger log = LoggerFactory.getLogger(FixedPoolTioServer.class);

    private final int threads;
    private final ThreadFactory threadFactory;

    FixedPoolTioServer(TioServerConfig config, int threads, ThreadFactory threadFactory) {
        super(config);
        this.threads = threads;
        this.threadFactory = quietWhenStopped(threadFactory);
    }

    /**
     * Threads whose death by {@link ShutdownChannelGroupException} is logged as one line. t-io
     * re-arms a read outside any try once a read completes; if the channel group was shut down in
     * that instant (a stopping server), the JDK's refusal escapes the completion handler and ends
     * the I/O thread, whose default handler would print the stack trace on stderr. Anything else
     * still reaches the default handler.
     */
    static ThreadFactory quietWhenStopped(ThreadFactory factory) {
        return task -> {
            Thread thread = factory.newThread(task);
            Thread.UncaughtExceptionHandler fallback = thread.getUncaughtExceptionHandler();
            thread.setUncaughtExceptionHandler((t, e) -> {
                if (ServerConnectionListener.stoppedUnderIt(e)) {
                    log.info("{}: a connection was still being read when the server stopped", t.getName());
                } else {
                    fallback.uncaughtException(t, e);
                }
            });
            return thread;
        };
    }

    /** As t-io's start, on a fixed-pool channel group; ignores t-io's start-up banner. */
    @Override
    public void start(String serverIp, int serverPort) throws IOException {
        AsynchronousChannelGroup group = AsynchronousChannelGroup.withFixedThreadPool(threads, threadFactory);
        AsynchronousServerSocketChannel channel = AsynchronousServerSocketChannel.open(group);
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
            channel.bind(serverIp == null || serverIp.isBlank() ? new InetSocketAddress(serverPort)
                    : new InetSocketAddress(serverIp, serverPort), 0);
            // TioServer keeps these private and reads them in stop() and in its accept handler.
            set("serverNode", new Node(serverIp, serverPort));
            set("channelGroup", group);
            set("serverSocketChannel", channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            group.shutdownNow();
            throw e;
        }
        TioServerConfig config = getTioServerConfig();
        config.startTime = System.currentTimeMillis();
        channel.accept(this, new Acceptor());
    }

    /**
     * t-io's accept handler, except that a failed accept on a closed listening socket ends the
     * accept loop: t-io's accepts again whatever failed, and on a pool thread the JDK runs that
     * failure's handler at once, so after {@link #stop()} the thread would spin on it forever.
     */
    private static final class Acceptor extends AcceptCompletionHandler {
        /**
         * A connection that arrives while the server stops is closed at once: t-io would start
         * reading it on a channel group being shut down, which fails with a stack trace.
         */
        @Override
        public void completed(AsynchronousSocketChannel socket, TioServer server) {
            if (server.isWaitingStop()) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a socket nobody has used yet: nothing to report
                }
                return;
            }
            super.completed(socket, server);
        }

        @Override
        public void failed(Throwable failure, TioServer server) {
            if (server.isWaitingStop() || !server.getServerSocketChannel().isOpen()) {
                return;
            }
            super.failed(failure, server);
        }
    }

    private void set(String field, Object value) {
        try {
            Field f = TioServer.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(this, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this t-io version has no TioServer." + field, e);
        }
    }
}
