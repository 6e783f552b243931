package org.qchat.client.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketMapper;

/**
 * A bare-bones framed TCP server for transport tests: plain blocking sockets, our frame codec
 * (JSON packets and binary data frames), one thread per connection. Records what clients send; the test sends back what it likes.
 */
public final class FrameServer implements AutoCloseable {

    private final ServerSocket server;
    private final PacketMapper mapper = new PacketMapper();
    private final FrameCodec codec = new FrameCodec(mapper, FrameCodec.DEFAULT_MAX_FRAME_LENGTH);
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Packet> received = new LinkedBlockingQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();

    public FrameServer() throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** A frame server speaking TLS with the identity in {@code context}. */
    public static FrameServer tls(javax.net.ssl.SSLContext context) throws IOException {
        return new FrameServer(context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    private FrameServer(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::acceptLoop, "frame-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int acceptedCount() {
        return accepted.get();
    }

    public BlockingQueue<Packet> received() {
        return received;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                accepted.incrementAndGet();
                Thread reader = new Thread(() -> readLoop(socket), "frame-server-read");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void readLoop(Socket socket) {
        try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
            while (true) {
                int length = in.readInt();
                byte[] frame = new byte[FrameCodec.HEADER_LENGTH + length];
                ByteBuffer.wrap(frame).putInt(length);
                in.readFully(frame, FrameCodec.HEADER_LENGTH, length);
                received.add(codec.decode(ByteBuffer.wrap(frame)));
            }
        } catch (Exception e) {
            connections.remove(socket);
        }
    }

    /** Sends a packet on the newest connection. */
    public void send(Packet packet) throws IOException {
        sendRaw(mapper.write(packet));
    }

    /** Sends a raw JSON body, framed, on the newest connection. */
    public void sendRaw(byte[] body) throws IOException {
        sendFrame(FrameCodec.frame(body));
    }

    /** Sends a whole frame, length prefix included (a data frame, say), on the newest connection. */
    public void sendFrame(byte[] frame) throws IOException {
        Socket socket = connections.get(connections.size() - 1);
        OutputStream out = socket.getOutputStream();
        out.write(frame);
        out.flush();
    }

    /** Closes every open connection, as a server restart or a network cut would. */
    public void dropConnections() throws IOException {
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (SocketException ignored) {
                // already closed
            }
        }
        connections.clear();
    }

    public int openConnections() {
        return connections.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
