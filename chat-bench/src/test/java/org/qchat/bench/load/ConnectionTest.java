package org.qchat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generator's socket layer over a real loopback connection. */
class ConnectionTest {

    private ServerSocket server;
    private EventLoop loop;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0);
        loop = new EventLoop("test-loop");
    }

    @AfterEach
    void stop() throws IOException {
        loop.close();
        server.close();
    }

    /** Collects 4-byte length-prefixed frames; leaves a partial frame unconsumed. */
    private static final class Frames implements Connection.Handler {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final List<Throwable> closed = new CopyOnWriteArrayList<>();
        volatile boolean connected;

        @Override
        public void onConnected(Connection connection) {
            connected = true;
        }

        @Override
        public void onData(Connection connection, ByteBuffer in) {
            while (in.remaining() >= 4 && in.remaining() - 4 >= in.getInt(in.position())) {
                byte[] body = new byte[in.getInt()];
                in.get(body);
                frames.add(new String(body));
            }
        }

        @Override
        public void onClosed(Connection connection, Throwable cause) {
            closed.add(cause == null ? new Throwable("closed here") : cause);
        }
    }

    private static byte[] frame(String body) {
        return ByteBuffer.allocate(4 + body.length()).putInt(body.length()).put(body.getBytes()).array();
    }

    @Test
    void framesSplitAcrossReadsAreReassembled() throws Exception {
        Frames handler = new Frames();
        loop.execute(() -> loop.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), handler));
        try (Socket peer = server.accept()) {
            OutputStream out = peer.getOutputStream();
            byte[] first = frame("hello");
            byte[] second = frame("x".repeat(100_000));
            out.write(first, 0, 3);
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> handler.connected);
            out.write(first, 3, first.length - 3);
            out.write(second, 0, 50_000);
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> handler.frames.size() == 1);
            out.write(second, 50_000, second.length - 50_000);
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> handler.frames.size() == 2);
        }
        assertThat(handler.frames.get(0)).isEqualTo("hello");
        assertThat(handler.frames.get(1)).hasSize(100_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> !handler.closed.isEmpty());
        assertThat(handler.closed.get(0)).hasMessageContaining("closed by the peer");
    }

    @Test
    void queuedSendsReachThePeerInOrder() throws Exception {
        Frames handler = new Frames();
        Connection[] connection = new Connection[1];
        loop.execute(() -> connection[0] = loop.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), handler));
        try (Socket peer = server.accept()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> handler.connected);
            byte[] big = new byte[3 * 1024 * 1024];
            loop.execute(() -> {
                connection[0].send("abc".getBytes());
                connection[0].send(big);
                connection[0].send("xyz".getBytes());
            });
            InputStream in = peer.getInputStream();
            byte[] got = in.readNBytes(3 + big.length + 3);
            assertThat(new String(got, 0, 3)).isEqualTo("abc");
            assertThat(new String(got, got.length - 3, 3)).isEqualTo("xyz");
            assertThat(loop.call(() -> connection[0].queuedBytes())).isZero();
        }
    }

    @Test
    void framesWrittenInPlaceLeaveWithTheQueuedOnesInOrder() throws Exception {
        Frames handler = new Frames();
        Connection[] connection = new Connection[1];
        loop.execute(() -> connection[0] = loop.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), handler));
        try (Socket peer = server.accept()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> handler.connected);
            loop.execute(() -> {
                connection[0].send("ab".getBytes());
                connection[0].writeBuffer(3).put("cde".getBytes());
                // More than the queue holds: it grows and keeps what was queued before.
                ByteBuffer big = connection[0].writeBuffer(20_000);
                for (int i = 0; i < 20_000; i++) {
                    big.put((byte) 'z');
                }
                connection[0].send("!".getBytes());
            });
            byte[] got = peer.getInputStream().readNBytes(2 + 3 + 20_000 + 1);
            assertThat(new String(got, 0, 5)).isEqualTo("abcde");
            assertThat(got[5]).isEqualTo((byte) 'z');
            assertThat(got[got.length - 1]).isEqualTo((byte) '!');
        }
    }

    @Test
    void aClosedConnectionHasNoBufferToWriteInto() throws Exception {
        Frames handler = new Frames();
        Connection[] connection = new Connection[1];
        loop.execute(() -> connection[0] = loop.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), handler));
        try (Socket peer = server.accept()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> handler.connected);
            assertThat(loop.call(() -> {
                connection[0].close();
                return connection[0].writeBuffer(10);
            })).isNull();
        }
    }
}
