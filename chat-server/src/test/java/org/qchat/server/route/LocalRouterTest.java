package org.qchat.server.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.packet.PresencePush;

class LocalRouterTest {

    private final LocalRouter router = new LocalRouter(new FrameCodec());

    @Test
    void bindReportsTheFirstDeviceAndUnbindReportsTheLast() {
        RecordingConnection phone = new RecordingConnection();
        RecordingConnection laptop = new RecordingConnection();
        assertThat(router.bind(1, phone)).isTrue();
        assertThat(router.bind(1, laptop)).isFalse();
        assertThat(router.isOnline(1)).isTrue();
        assertThat(router.unbind(1, phone)).isFalse();
        assertThat(router.unbind(1, phone)).isFalse();
        assertThat(router.unbind(1, laptop)).isTrue();
        assertThat(router.isOnline(1)).isFalse();
        assertThat(router.onlineUserCount()).isZero();
    }

    @Test
    void aPushReachesEveryDeviceButTheExcludedOneAsTheSameEncodedFrame() {
        RecordingConnection a1 = new RecordingConnection();
        RecordingConnection a2 = new RecordingConnection();
        RecordingConnection b1 = new RecordingConnection();
        router.bind(1, a1);
        router.bind(1, a2);
        router.bind(2, b1);

        router.sendToUsers(List.of(1L, 2L, 3L), new PresencePush(9, true), a1);

        assertThat(a1.frames).isEmpty();
        assertThat(a2.frames).hasSize(1);
        assertThat(b1.frames).hasSize(1);
        assertThat(a2.frames.get(0)).isSameAs(b1.frames.get(0));
    }

    @Test
    void sendToAllReachesEveryLoggedInDevice() {
        RecordingConnection a = new RecordingConnection();
        RecordingConnection b = new RecordingConnection();
        router.bind(1, a);
        router.bind(2, b);
        router.sendToAll(new PresencePush(1, false), null);
        assertThat(a.frames).hasSize(1);
        assertThat(b.frames).hasSize(1);
    }

    /** Records frames; no network. */
    private static final class RecordingConnection implements ClientConnection {
        final List<byte[]> frames = new ArrayList<>();
        private final ConnectionSession session = new ConnectionSession();

        @Override public String id() { return "test"; }
        @Override public String remoteAddress() { return "test"; }
        @Override public ConnectionSession session() { return session; }
        @Override public Executor serialExecutor() { return Runnable::run; }
        @Override public void send(Packet packet) { frames.add(new FrameCodec().encode(packet)); }
        @Override public void sendFrame(byte[] frame) { frames.add(frame); }
        @Override public void sendFrame(byte[] frame, Runnable written) { sendFrame(frame); written.run(); }
        @Override public void closeWith(Packet bye, String reason) { }
        @Override public void close(String reason) { }
        @Override public boolean isClosed() { return false; }
    }
}
