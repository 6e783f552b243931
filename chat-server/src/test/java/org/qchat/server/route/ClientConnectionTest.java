package org.qchat.server.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.Packet;

class ClientConnectionTest {

    private static String hostOf(String remoteAddress) {
        return new ClientConnection() {
            @Override public String id() { return "c"; }
            @Override public String remoteAddress() { return remoteAddress; }
            @Override public ConnectionSession session() { return new ConnectionSession(); }
            @Override public Executor serialExecutor() { return Runnable::run; }
            @Override public void send(Packet packet) { }
            @Override public void sendFrame(byte[] frame) { }
            @Override public void sendFrame(byte[] frame, Runnable written) { }
            @Override public void closeWith(Packet bye, String reason) { }
            @Override public void close(String reason) { }
            @Override public boolean isClosed() { return false; }
        }.remoteHost();
    }

    @Test
    void theRemoteHostIsTheAddressWithoutItsPort() {
        assertThat(hostOf("192.0.2.1:54321")).isEqualTo("192.0.2.1");
        assertThat(hostOf("0:0:0:0:0:0:0:1:54321")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(hostOf("[2001:db8::1]:443")).isEqualTo("2001:db8::1");
    }

    @Test
    void anAddressWithoutAPortIsKeptAsItIs() {
        assertThat(hostOf("?")).isEqualTo("?");
        assertThat(hostOf("test")).isEqualTo("test");
    }
}
