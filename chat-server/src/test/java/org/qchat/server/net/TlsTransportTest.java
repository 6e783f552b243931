package org.qchat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.Pong;
import org.qchat.protocol.packet.Welcome;
import org.qchat.protocol.testing.TestCertificates;
import org.qchat.protocol.tls.ClientTrust;
import org.qchat.server.ChatServer;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.config.Tls;

/**
 * The send path over TLS ({@link NonBlockingSender}, {@link SerializedTls}): records leave in the
 * order the TLS engine numbered them, also when the handshake's last records (TLS 1.3 session
 * tickets) and the first frames are queued together — t-io's own batching re-encrypted such a mix
 * and about one connection in four could not read its {@code welcome}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsTransportTest {

    private static final String PASSWORD = TestCertificates.PASSWORD;
    /** With the old batching about a quarter failed; the chance of 60 passing by luck is about 1e-9. */
    private static final int HANDSHAKES = 60;

    @TempDir
    Path dir;

    private final FrameCodec codec = new FrameCodec();
    private ChatServer server;
    private SSLContext trust;

    @BeforeEach
    void startTlsServer() throws Exception {
        Path keystore = TestCertificates.keystore(dir, "server.p12", "PKCS12", "dns:localhost");
        Path certificate = TestCertificates.exportCertificate(keystore, "PKCS12");
        trust = ClientTrust.context(ClientTrust.fromCertificate(certificate, "localhost"));
        server = ChatServer.start(ServerConfig.builder().port(0).bindAddress("127.0.0.1").metricsPort(-1)
                .dataDir(dir.resolve("data")).tls(new Tls(keystore, PASSWORD, "PKCS12")).build());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyTlsConnectionReadsAnIntactWelcomeAndAnswers() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> handshakes = new ArrayList<>();
            for (int i = 0; i < HANDSHAKES; i++) {
                String id = "hs-" + i;
                handshakes.add(clients.submit(() -> {
                    try (SSLSocket socket = connect()) {
                        assertThat(read(socket)).isInstanceOf(Welcome.class);
                        socket.getOutputStream().write(codec.encode(new Ping(id)));
                        assertThat(read(socket)).isInstanceOfSatisfying(Pong.class, p -> assertThat(p.id()).isEqualTo(id));
                    }
                    return null;
                }));
            }
            for (Future<?> handshake : handshakes) {
                handshake.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aTlsClientThatPipelinesThousandsOfRequestsGetsEveryReplyInOrder() throws Exception {
        int requests = 5000;
        try (SSLSocket socket = connect()) {
            assertThat(read(socket)).isInstanceOf(Welcome.class);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < requests; i++) {
                all.writeBytes(codec.encode(new Ping("p" + i)));
            }
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(all.toByteArray());
                } catch (IOException e) {
                    // the reads below fail too
                }
            }, "pipelining-writer");
            writer.start();
            for (int i = 0; i < requests; i++) {
                Packet reply = read(socket);
                assertThat(reply).isInstanceOf(Pong.class);
                assertThat(((Pong) reply).id()).isEqualTo("p" + i);
            }
            writer.join(10_000);
        }
    }

    private SSLSocket connect() throws IOException {
        SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    private Packet read(SSLSocket socket) throws Exception {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int length = in.readInt();
        byte[] frame = new byte[FrameCodec.HEADER_LENGTH + length];
        ByteBuffer.wrap(frame).putInt(length);
        in.readFully(frame, FrameCodec.HEADER_LENGTH, length);
        return codec.decode(ByteBuffer.wrap(frame));
    }
}
