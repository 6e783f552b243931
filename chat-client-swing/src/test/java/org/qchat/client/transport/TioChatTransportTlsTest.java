package org.qchat.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.client.testing.FrameServer;
import org.qchat.protocol.Packet;
import org.qchat.protocol.packet.Welcome;
import org.qchat.protocol.testing.TestCertificates;
import org.qchat.protocol.tls.ServerIdentity;

/** The t-io transport over TLS: it must trust the given certificate and insist on the host name. */
class TioChatTransportTlsTest {

    private static final String PASSWORD = TestCertificates.PASSWORD;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void aServerWhoseCertificateNamesTheHostIsReachedOverTls() throws Exception {
        Path keystore = TestCertificates.keystore(dir, "localhost.p12", "PKCS12", "dns:localhost");
        FrameServer server = tlsServer(keystore);
        Recorder client = connect("localhost", server.port(), new TlsSettings(true, TestCertificates.exportCertificate(keystore, "PKCS12")));

        await().atMost(Duration.ofSeconds(15)).until(() -> server.acceptedCount() == 1);
        Welcome welcome = new Welcome(1, "qchat/tls", 262144, 30);
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            server.send(welcome);
            assertThat(client.packets.poll(1, TimeUnit.SECONDS)).isEqualTo(welcome);
        });
    }

    @Test
    void aCertificateForAnotherNameIsRefusedSoNoPacketIsEverDelivered() throws Exception {
        Path keystore = TestCertificates.keystore(dir, "other.p12", "PKCS12", "dns:chat.example.org");
        FrameServer server = tlsServer(keystore);
        Recorder client = connect("localhost", server.port(), new TlsSettings(true, TestCertificates.exportCertificate(keystore, "PKCS12")));

        await().atMost(Duration.ofSeconds(15)).until(() -> server.acceptedCount() >= 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> client.connects.get() == 0 && server.openConnections() == 0);
        assertThat(client.packets).isEmpty();
    }

    @Test
    void withSeveralServersEachIsCheckedAgainstItsOwnHostName() throws Exception {
        Path keystore = TestCertificates.keystore(dir, "localhost.p12", "PKCS12", "dns:localhost");
        FrameServer server = tlsServer(keystore);
        TlsSettings tls = new TlsSettings(true, TestCertificates.exportCertificate(keystore, "PKCS12"));
        // One server under two names: the certificate does not name 127.0.0.1, so that attempt fails.
        Recorder client = connect(ServerList.of(new ServerAddress("127.0.0.1", server.port()),
                new ServerAddress("localhost", server.port())), tls);

        await().atMost(Duration.ofSeconds(15)).until(() -> client.connects.get() == 1);
        assertThat(client.failures.get()).isEqualTo(1);
        Welcome welcome = new Welcome(1, "qchat/tls", 262144, 30);
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            server.send(welcome);
            assertThat(client.packets.poll(1, TimeUnit.SECONDS)).isEqualTo(welcome);
        });
    }

    private Recorder connect(String host, int port, TlsSettings tls) {
        return connect(ServerList.of(new ServerAddress(host, port)), tls);
    }

    private Recorder connect(ServerList servers, TlsSettings tls) {
        TioChatTransport transport = new TioChatTransport(tls);
        open.add(0, transport::close);
        Recorder recorder = new Recorder();
        transport.connect(servers, recorder);
        return recorder;
    }

    private FrameServer tlsServer(Path keystore) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(ServerIdentity.load(keystore, "PKCS12", PASSWORD.toCharArray()).getKeyManagers(), null, null);
        FrameServer server = FrameServer.tls(context);
        open.add(server);
        return server;
    }

    private static final class Recorder implements TransportListener {
        final AtomicInteger connects = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final BlockingQueue<Packet> packets = new LinkedBlockingQueue<>();

        @Override
        public void connected() {
            connects.incrementAndGet();
        }

        @Override
        public void connectFailed(String reason) {
            failures.incrementAndGet();
        }

        @Override
        public void disconnected(String reason) {
        }

        @Override
        public void packetReceived(Packet packet) {
            packets.add(packet);
        }
    }
}
