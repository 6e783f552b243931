package org.qchat.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between one client and the server that a test can cut and restore, as a dropped
 * Wi-Fi link would: {@link #cut()} closes the listening socket and every relayed connection (both
 * ends see the link go), and new attempts are refused; {@link #restore()} listens again on the
 * same port, so the client's automatic reconnection gets through. Bytes pass unchanged.
 *
 * <p>Threads: one daemon accept thread per listening period, two daemon copy threads per relayed
 * connection. Methods may be called from any thread.
 */
public final class TcpRelay implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private boolean closed;

    private TcpRelay(int targetPort, ServerSocket listener) {
        this.targetPort = targetPort;
        this.listener = listener;
        this.port = listener.getLocalPort();
        startAccepting(listener);
    }

    /** Relays a free loopback port to {@code targetPort} on the loopback address. */
    public static TcpRelay to(int targetPort) {
        return new TcpRelay(targetPort, listen(0));
    }

    /** The port clients connect to. */
    public int port() {
        return port;
    }

    /** Drops every relayed connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        closeQuietly(listener);
        listener = null;
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (closed || listener != null) {
            return;
        }
        listener = listen(port);
        startAccepting(listener);
    }

    @Override
    public synchronized void close() {
        closed = true;
        cut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            // The cut connections linger in TIME_WAIT on this port; that must not stop a restore.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    private void startAccepting(ServerSocket socket) {
        daemon("relay-accept-" + port, () -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket server = new Socket(LOOPBACK, targetPort);
                    if (!register(socket, client, server)) {
                        return;
                    }
                    daemon("relay-up-" + client.getPort(), () -> copy(client, server));
                    daemon("relay-down-" + client.getPort(), () -> copy(server, client));
                } catch (IOException e) {
                    // The listener was closed by cut(), or the server refused: the client sees a drop.
                }
            }
        });
    }

    /** Keeps a new pair, unless a cut happened while it was being set up. */
    private synchronized boolean register(ServerSocket from, Socket client, Socket server) {
        if (listener != from) {
            closeQuietly(client);
            closeQuietly(server);
            return false;
        }
        sockets.add(client);
        sockets.add(server);
        return true;
    }

    private void copy(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException e) {
            // closed by cut() or by the other side
        } catch (IOException e) {
            // the same, reported differently
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // nothing to do: it is going away
        }
    }
}
