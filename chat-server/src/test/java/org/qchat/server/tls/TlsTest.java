package org.qchat.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

/** TLS on the chat port, with keystores made by the JDK's keytool as an operator would. */
class TlsTest {

    private static final String PASSWORD = TestCertificates.PASSWORD;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final FrameCodec codec = new FrameCodec();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void aClientTrustingTheServersCertificateTalksOverPkcs12Tls() throws Exception {
        Path keystore = TestCertificates.keystore(dir, "server.p12", "PKCS12", "dns:localhost");
        ChatServer server = start(new Tls(keystore, PASSWORD, "PKCS12"));

        try (SSLSocket socket = tlsSocket(server.port(), ClientTrust.context(
                ClientTrust.fromCertificate(TestCertificates.exportCertificate(keystore, "PKCS12"), "localhost")))) {
            assertThat(read(socket)).isInstanceOf(Welcome.class);
            write(socket, new Ping("tls-1"));
            assertThat(read(socket)).isInstanceOfSatisfying(Pong.class, pong -> assertThat(pong.id()).isEqualTo("tls-1"));
        }
    }

    @Test
    void aJksKeystoreWorksToo() throws Exception {
        Path keystore = TestCertificates.keystore(dir, "server.jks", "JKS", "dns:localhost");
        ChatServer server = start(new Tls(keystore, PASSWORD, "JKS"));

        try (SSLSocket socket = tlsSocket(server.port(), ClientTrust.context(
                ClientTrust.fromCertificate(TestCertificates.exportCertificate(keystore, "JKS"), "localhost")))) {
            assertThat(read(socket)).isInstanceOf(Welcome.class);
        }
    }

    @Test
    void aCertificateForAnotherHostNameIsRefusedEvenWhenItsIssuerIsTrusted() throws Exception {
        Path keystore = TestCertificates.keystore(dir, "server.p12", "PKCS12", "dns:chat.example.org");
        ChatServer server = start(new Tls(keystore, PASSWORD, "PKCS12"));
        SSLContext trustingButExpectingLocalhost = ClientTrust.context(
                ClientTrust.fromCertificate(TestCertificates.exportCertificate(keystore, "PKCS12"), "localhost"));

        assertThatThrownBy(() -> {
            try (SSLSocket socket = tlsSocket(server.port(), trustingButExpectingLocalhost)) {
                read(socket);
            }
        }).isInstanceOf(SSLHandshakeException.class).hasMessageContaining("not valid for host 'localhost'");
    }

    @Test
    void aSelfSignedCertificateIsRefusedByTheSystemTrustStore() throws Exception {
        Path keystore = TestCertificates.keystore(dir, "server.p12", "PKCS12", "dns:localhost");
        ChatServer server = start(new Tls(keystore, PASSWORD, "PKCS12"));

        assertThatThrownBy(() -> {
            try (SSLSocket socket = tlsSocket(server.port(), ClientTrust.context(ClientTrust.system("localhost")))) {
                read(socket);
            }
        }).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainTcpIsStillAvailableWhenNoKeystoreIsConfigured() throws Exception {
        ChatServer server = start(null);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            assertThat(read(socket)).isInstanceOf(Welcome.class);
        }
    }

    private ChatServer start(Tls tls) throws Exception {
        ChatServer server = ChatServer.start(ServerConfig.builder().port(0).bindAddress("127.0.0.1").metricsPort(-1)
                .dataDir(dir.resolve("data")).tls(tls).build());
        open.add(0, server);
        return server;
    }

    private static SSLSocket tlsSocket(int port, SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    private void write(Socket socket, Packet packet) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(codec.encode(packet));
        out.flush();
    }

    private Packet read(Socket socket) throws Exception {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int length = in.readInt();
        byte[] frame = new byte[FrameCodec.HEADER_LENGTH + length];
        ByteBuffer.wrap(frame).putInt(length);
        in.readFully(frame, FrameCodec.HEADER_LENGTH, length);
        return codec.decode(ByteBuffer.wrap(frame));
    }
}
