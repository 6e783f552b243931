package org.qchat.bench.qchat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.qchat.bench.load.BenchClient;
import org.qchat.bench.load.ClientFactory;
import org.qchat.bench.load.ClientListener;
import org.qchat.bench.load.EventLoop;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.PacketMapper;

/**
 * Makes {@link QchatClient}s for one seeded server, or for the nodes of one cluster: user
 * {@code u} connects to node {@code u mod nodes}, so with two nodes the partners of every pair
 * (users 2k and 2k+1) are on different nodes.
 */
public final class QchatClientFactory implements ClientFactory {

    /** What the desktop client waits before acknowledging what it has shown. */
    public static final Duration DEFAULT_ACK_DELAY = Duration.ofMillis(800);

    private final List<InetSocketAddress> addresses;
    private final QchatFixture fixture;
    private final FrameCodec codec = new FrameCodec(new PacketMapper(), 4 * 1024 * 1024);
    private final int textSize;
    private final long ackDelayNanos;
    private final boolean passwordLogin;

    public QchatClientFactory(InetSocketAddress address, QchatFixture fixture, int textSize, Duration ackDelay,
                              boolean passwordLogin) {
        this(List.of(address), fixture, textSize, ackDelay, passwordLogin);
    }

    public QchatClientFactory(List<InetSocketAddress> addresses, QchatFixture fixture, int textSize, Duration ackDelay,
                              boolean passwordLogin) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no server address");
        }
        this.addresses = List.copyOf(addresses);
        this.fixture = fixture;
        this.textSize = textSize;
        this.ackDelayNanos = ackDelay.toNanos();
        this.passwordLogin = passwordLogin;
    }

    /** The same users, logging in with their password instead of a session token. */
    public QchatClientFactory withPasswordLogin() {
        return new QchatClientFactory(addresses, fixture, textSize, Duration.ofNanos(ackDelayNanos), true);
    }

    @Override
    public BenchClient start(EventLoop loop, int user, ClientListener listener) {
        return new QchatClient(this, loop, user, listener);
    }

    /** The node {@code user} connects to first. */
    InetSocketAddress address(int user) {
        return addresses.get(user % addresses.size());
    }

    /** Every node, in order. */
    List<InetSocketAddress> addresses() {
        return addresses;
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
