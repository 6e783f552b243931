package org.qchat.client.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.qchat.client.transport.ChatTransport;
import org.qchat.client.transport.ServerList;
import org.qchat.client.transport.TransportListener;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.Request;

/**
 * A transport with no network, in the spirit of Smack's DummyConnection: records every request
 * and data frame the client sends and lets the test play the server — accept the connection, push packets,
 * answer requests, drop the link and bring it back. Callbacks run on the test's thread.
 */
public final class FakeTransport implements ChatTransport {

    private final List<Request> sent = new ArrayList<>();
    private final List<FileChunk> chunks = new ArrayList<>();
    private TransportListener listener;
    private ServerList servers;
    private boolean up;
    private boolean closed;
    private int resets;
    private int maxOutboundFrame;

    // ---- ChatTransport ---------------------------------------------------------------------

    private int retriesNow;

    @Override
    public void connect(ServerList servers, TransportListener listener) {
        this.servers = servers;
        this.listener = listener;
    }

    @Override
    public boolean send(Request request) {
        if (!up || closed) {
            return false;
        }
        sent.add(request);
        return true;
    }

    @Override
    public boolean sendFrame(byte[] frame) {
        if (!up || closed) {
            return false;
        }
        int body = frame.length - FrameCodec.HEADER_LENGTH;
        if (maxOutboundFrame > 0 && body > maxOutboundFrame) {
            throw new IllegalArgumentException("frame of " + body + " bytes exceeds " + maxOutboundFrame);
        }
        try {
            // Decoded as the server would: a frame the codec refuses fails the test here.
            chunks.add((FileChunk) new FrameCodec().decode(ByteBuffer.wrap(frame)));
        } catch (Exception e) {
            throw new AssertionError("the client sent a bad data frame", e);
        }
        return true;
    }

    @Override
    public void setMaxOutboundFrame(int bytes) {
        maxOutboundFrame = bytes;
    }

    @Override
    public void reset(String reason) {
        resets++;
        drop(reason);
    }

    @Override
    public void retryNow() {
        retriesNow++;
    }

    /** How often the client asked to try the next connection at once. */
    public int retriesNow() {
        return retriesNow;
    }

    @Override
    public void close() {
        closed = true;
        up = false;
    }

    // ---- playing the server ----------------------------------------------------------------

    /** The TCP connection (or a reconnection) succeeded. */
    public void acceptConnection() {
        up = true;
        listener.connected();
    }

    /** A connection attempt failed. */
    public void refuseConnection() {
        listener.connectFailed("connection refused");
    }

    /** The link went down. */
    public void drop(String reason) {
        if (up) {
            up = false;
            listener.disconnected(reason);
        }
    }

    /** The server sends a packet (a push, or a reply built by the test). */
    public void receive(Packet packet) {
        listener.packetReceived(packet);
    }

    public boolean isConnected() {
        return up;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean wasStarted() {
        return listener != null;
    }

    public ServerList servers() {
        return servers;
    }

    public int resets() {
        return resets;
    }

    public int maxOutboundFrame() {
        return maxOutboundFrame;
    }

    /** Everything sent so far, in order. */
    public List<Request> sent() {
        return List.copyOf(sent);
    }

    /** All sent requests of one type, in order. */
    public <T extends Request> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The most recent request of a type; fails the test if there is none. */
    public <T extends Request> T last(Class<T> type) {
        List<T> all = sent(type);
        if (all.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " was sent; sent: " + sent);
        }
        return all.get(all.size() - 1);
    }

    /** Forgets what was sent so far, to look only at what comes next. */
    public void clearSent() {
        sent.clear();
        chunks.clear();
    }

    /** Data frames sent so far, in order. */
    public List<FileChunk> chunks() {
        return List.copyOf(chunks);
    }

    /** Forgets the data frames sent so far. */
    public void clearChunks() {
        chunks.clear();
    }
}
