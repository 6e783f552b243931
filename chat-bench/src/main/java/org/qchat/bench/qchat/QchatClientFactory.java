package org.qchat.bench.qchat;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.qchat.bench.load.BenchClient;
import org.qchat.bench.load.ClientFactory;
import org.qchat.bench.load.ClientListener;
import org.qchat.bench.load.EventLoop;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.PacketMapper;

/** Makes {@link QchatClient}s for one seeded server. */
public final class QchatClientFactory implements ClientFactory {

    /** What the desktop client waits before acknowledging what it has shown. */
    public static final Duration DEFAULT_ACK_DELAY = Duration.ofMillis(800);

    private final InetSocketAddress address;
    private final QchatFixture fixture;
    private final FrameCodec codec = new FrameCodec(new PacketMapper(), 4 * 1024 * 1024);
    private final int textSize;
    private final long ackDelayNanos;
    private final boolean passwordLogin;

    public QchatClientFactory(InetSocketAddress address, QchatFixture fixture, int textSize, Duration ackDelay,
                              boolean passwordLogin) {
        this.address = address;
        this.fixture = fixture;
        this.textSize = textSize;
        this.ackDelayNanos = ackDelay.toNanos();
        this.passwordLogin = passwordLogin;
    }

    /** The same users, logging in with their password instead of a session token. */
    public QchatClientFactory withPasswordLogin() {
        return new QchatClientFactory(address, fixture, textSize, Duration.ofNanos(ackDelayNanos), true);
    }

    @Override
    public BenchClient start(EventLoop loop, int user, ClientListener listener) {
        return new QchatClient(this, loop, user, listener);
    }

    InetSocketAddress address() {
        return address;
    }

    QchatFixture fixture() {
        return fixture;
    }

    FrameCodec codec() {
        return codec;
    }

    int textSize() {
        return textSize;
    }

    long ackDelayNanos() {
        return ackDelayNanos;
    }

    boolean passwordLogin() {
        return passwordLogin;
    }
}
