package org.qchat.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of the server that can cut every connection through it at once, as a
 * network that drops does: both sockets are reset, whatever was in flight is lost. Counts the bytes
 * it passed from clients to the server so a test can cut in the middle of a transfer.
 */
public final class CuttingRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong upstreamBytes = new AtomicLong();
    private final AtomicLong downstreamBytes = new AtomicLong();
    private volatile boolean closed;

    public CuttingRelay(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "relay-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Bytes passed from clients to the server so far. */
    public long upstreamBytes() {
        return upstreamBytes.get();
    }

    /** Bytes passed from the server to clients so far. */
    public long downstreamBytes() {
        return downstreamBytes.get();
    }

    /** Resets every connection through the relay. New connections are still relayed. */
    public void cutAll() {
        for (Socket s : open) {
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException ignored) {
                // Already gone.
            }
        }
        open.clear();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                pump(client, server, upstreamBytes);
                pump(server, client, downstreamBytes);
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong counter) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    counter.addAndGet(n);
                }
            } catch (IOException ignored) {
                // Cut, or closed by one side.
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // Both are going away.
                }
            }
        }, "relay-" + from.getPort() + "-" + to.getPort());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        closed = true;
        cutAll();
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing.
        }
    }
}
