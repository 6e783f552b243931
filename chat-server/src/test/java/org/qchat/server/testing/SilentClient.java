package org.qchat.server.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketMapper;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.packet.Login;
import org.qchat.protocol.packet.SessionStarted;

/**
 * A device that logs in and then goes silent: it never reads again and writes only when a test
 * tells it to ({@link #sendWithoutReading}), like a phone whose network vanished without a FIN, or
 * an app frozen in the background. Its socket has a tiny receive buffer, so the server's writes
 * back up after a few KiB.
 *
 * <p>Nothing runs in the background: the socket is only read by {@link #drainUntilClosed}, which a
 * test calls once it expects the server to have closed the connection.
 */
public final class SilentClient implements AutoCloseable {

    /** Asked for before connecting; Linux doubles it and rounds it up to its minimum. */
    private static final int RECEIVE_BUFFER = 4096;
    private static final FrameCodec CODEC = new FrameCodec(new PacketMapper(), 64 * 1024 * 1024);

    private final Socket socket;
    private final SessionStarted session;

    private SilentClient(Socket socket, SessionStarted session) {
        this.socket = socket;
        this.session = session;
    }

    /** Connects, logs in as {@code username} and reads up to the login reply, then stops reading. */
    public static SilentClient login(String host, int port, String username, String password, String device) {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(RECEIVE_BUFFER);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) TestClient.TIMEOUT.toMillis());
            socket.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
            FrameCodec codec = CODEC;
            Login login = new Login("silent-login", ProtocolVersion.CURRENT, username, password, device);
            socket.getOutputStream().write(codec.encode(login));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                byte[] body = new byte[in.readInt()];
                in.readFully(body);
                Packet packet = codec.mapper().read(body);
                if (packet instanceof SessionStarted started && login.id().equals(started.id())) {
                    return new SilentClient(socket, started);
                }
                if (packet instanceof Response reply && login.id().equals(reply.id())) {
                    throw new IllegalStateException("login of " + username + " failed: " + reply);
                }
            }
        } catch (Exception e) {
            closeQuietly(socket);
            throw e instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(e);
        }
    }

    /** Writes a request and does not read the reply (nor anything else). */
    public void sendWithoutReading(Request request) {
        try {
            socket.getOutputStream().write(CODEC.encode(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long userId() {
        return session.user().userId();
    }

    public String username() {
        return session.user().username();
    }

    /**
     * Reads and discards everything the server left in the socket buffers, until the server's end
     * of the stream (FIN or reset).
     *
     * @return how many bytes were left, or -1 if the stream was still open after {@code timeout}
     *         without a byte arriving
     */
    public long drainUntilClosed(Duration timeout) {
        long drained = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                drained += n;
            }
            return drained;
        } catch (SocketTimeoutException e) {
            return -1;
        } catch (IOException e) {
            // Connection reset: the server closed with data we had not read yet.
            return drained;
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
