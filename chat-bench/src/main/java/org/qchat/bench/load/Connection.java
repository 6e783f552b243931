package org.qchat.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One socket of the generator, used only on its {@link EventLoop}'s thread. Bytes read are handed
 * to the {@link Handler}, which takes whole frames and leaves a partial one; the rest is kept until
 * more arrives. Bytes sent are queued and written when the loop flushes.
 *
 * <p>System calls are what the generator spends most of its core on (one write per send, one read
 * per delivery, each running the loopback TCP stack), so a connection makes no more of them than
 * the traffic needs: one write per turn however many frames were queued, and one read per turn
 * when the socket held less than the loop's buffer (it was drained; the selector reports it again
 * when more arrives).
 */
public final class Connection {

    /** What a protocol client does with its socket. All calls come on the loop thread. */
    public interface Handler {
        void onConnected(Connection connection);

        /** Consumes every whole frame in {@code in}, leaving its position at the first byte not consumed. */
        void onData(Connection connection, ByteBuffer in);

        /** The connection closed; {@code cause} is null when this side closed it. */
        void onClosed(Connection connection, Throwable cause);
    }

    private static final int READS_PER_TURN = 16;
    private static final int SMALL_BUFFER = 8 * 1024;

    private final EventLoop loop;
    private final Handler handler;
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer pending;
    private ByteBuffer out;
    private boolean dirty;
    private boolean closed;

    Connection(EventLoop loop, Handler handler) {
        this.loop = loop;
        this.handler = handler;
    }

    void attach(SocketChannel channel) {
        this.channel = channel;
    }

    void register(Selector selector, int ops) throws ClosedChannelException {
        key = channel.register(selector, ops, this);
    }

    void connected() {
        handler.onConnected(this);
    }

    void finishConnect() {
        try {
            if (channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_READ);
                connected();
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Queues bytes to be written at the end of this loop turn. */
    public void send(byte[] bytes) {
        ByteBuffer buffer = writeBuffer(bytes.length);
        if (buffer != null) {
            buffer.put(bytes);
        }
    }

    /**
     * The queue of bytes to write, with room for {@code bytes} more after its position, for a client
     * that encodes a frame in place instead of building an array for {@link #send}; the caller puts
     * at most {@code bytes} bytes and keeps no reference. Written, like {@link #send}, at the end of
     * this loop turn. Null if the connection is closed.
     */
    public ByteBuffer writeBuffer(int bytes) {
        if (closed) {
            return null;
        }
        if (out == null) {
            out = ByteBuffer.allocate(Math.max(SMALL_BUFFER, bytes));
        } else if (out.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
        if (!dirty) {
            dirty = true;
            loop.markDirty(this);
        }
        return out;
    }

    void flush() {
        dirty = false;
        if (closed || out == null || out.position() == 0) {
            return;
        }
        try {
            out.flip();
            channel.write(out);
            out.compact();
            boolean left = out.position() > 0;
            if (!left && out.capacity() > 16 * SMALL_BUFFER) {
                out = null;
            }
            int ops = left ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
            if (key.interestOps() != ops) {
                key.interestOps(ops);
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Bytes queued and not yet written. */
    public int queuedBytes() {
        return out == null ? 0 : out.position();
    }

    void readAvailable(ByteBuffer shared) {
        try {
            for (int i = 0; i < READS_PER_TURN && !closed; i++) {
                shared.clear();
                int n = channel.read(shared);
                if (n < 0) {
                    fail(new IOException("closed by the peer"));
                    return;
                }
                if (n == 0) {
                    return;
                }
                shared.flip();
                deliver(shared);
                if (n < shared.capacity()) {
                    // The socket held less than the buffer: it is drained, and another read would
                    // only cost a system call to learn so (EAGAIN).
                    return;
                }
            }
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void deliver(ByteBuffer fresh) {
        if (pending == null) {
            handler.onData(this, fresh);
            if (fresh.hasRemaining() && !closed) {
                pending = ByteBuffer.allocate(Math.max(SMALL_BUFFER, 2 * fresh.remaining()));
                pending.put(fresh);
            }
            return;
        }
        if (pending.remaining() < fresh.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + fresh.remaining()));
            pending.flip();
            bigger.put(pending);
            pending = bigger;
        }
        pending.put(fresh);
        pending.flip();
        handler.onData(this, pending);
        if (!pending.hasRemaining()) {
            pending = null;
        } else {
            pending.compact();
        }
    }

    void fail(Throwable cause) {
        if (closed) {
            return;
        }
        closeChannel();
        handler.onClosed(this, cause);
    }

    /** Closes the socket; the handler hears {@code onClosed(null)}. */
    public void close() {
        if (closed) {
            return;
        }
        closeChannel();
        handler.onClosed(this, null);
    }

    public boolean isOpen() {
        return !closed;
    }

    private void closeChannel() {
        closed = true;
        pending = null;
        out = null;
        if (key != null) {
            key.cancel();
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Already closing; the peer sees the close either way.
        }
    }
}
