package org.qchat.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.ConnectionSession;
import org.qchat.server.route.LocalRouter;

/**
 * The fan-out of one stored message by {@link LocalRouter}: find each recipient's devices, encode
 * the {@code msg} push once, hand the same frame to every connection but the sender's. This is
 * what runs on the message writer thread after each commit, so its score (nanoseconds per message)
 * bounds how many messages per second one writer can push out, before any socket is involved.
 *
 * <p>Connections are {@link CountingConnection}s, which only count what they are given; a real
 * connection also allocates a t-io packet and queues it, so this is a lower bound on the
 * hand-off. The encode is part of each operation (about {@code CodecBenchmark.encodePush}, ASCII
 * text); the rest grows with the number of frames handed off.
 *
 * <ul>
 *   <li>{@code sendToUsers}: a conversation of {@code members} users, the sender first; every
 *       user has one device and every third user (the sender included) a second one. With 2
 *       members this is a 1:1 chat: the push goes to the friend and to the sender's other device.
 *   <li>{@code sendToAll}: a system announcement to {@value #ALL_CONNECTIONS} connections.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RoutingBenchmark {

    /** Connections logged in for {@code sendToAll}. */
    static final int ALL_CONNECTIONS = 1_000;
    /**
     * The sender; the others follow. Real ids are database keys far above 127, so looking them up
     * boxes a new Long each time, as it does here; small ids would hit Long's cache and flatter the router.
     */
    static final long FIRST_USER_ID = 40_001;

    /** A conversation's members, all online. */
    @State(Scope.Benchmark)
    public static class Conversation {

        @Param({"2", "10", "100"})
        public int members;

        LocalRouter router;
        List<Long> recipients;
        ClientConnection origin;
        MessagePush push;
        final List<CountingConnection> connections = new ArrayList<>();

        @Setup
        public void setUp() {
            router = new LocalRouter(new FrameCodec());
            // The writer gets the member list from the database as a List<Long>, as here.
            List<Long> users = new ArrayList<>();
            for (long userId = FIRST_USER_ID; userId < FIRST_USER_ID + members; userId++) {
                users.add(userId);
                bindDevices(router, userId, connections);
            }
            recipients = List.copyOf(users);
            origin = connections.get(0);
            push = push();
        }
    }

    /** Every connection of the node logged in, for an announcement. */
    @State(Scope.Benchmark)
    public static class Everyone {

        LocalRouter router;
        ClientConnection origin;
        MessagePush push;
        final List<CountingConnection> connections = new ArrayList<>();

        @Setup
        public void setUp() {
            router = new LocalRouter(new FrameCodec());
            for (long userId = FIRST_USER_ID; connections.size() < ALL_CONNECTIONS; userId++) {
                bindDevices(router, userId, connections);
            }
            // The loop may bind one device too many when the last user has two.
            if (connections.size() > ALL_CONNECTIONS) {
                CountingConnection extra = connections.remove(connections.size() - 1);
                router.unbind(extra.userId, extra);
            }
            origin = connections.get(0);
            push = push();
        }
    }

    @Benchmark
    public void sendToUsers(Conversation c) {
        c.router.sendToUsers(c.recipients, c.push, c.origin);
    }

    @Benchmark
    public void sendToAll(Everyone e) {
        e.router.sendToAll(e.push, e.origin);
    }

    /** Binds the user's devices: one, or two for every third user from the first (the sender). */
    static void bindDevices(LocalRouter router, long userId, List<CountingConnection> all) {
        int devices = (userId - FIRST_USER_ID) % 3 == 0 ? 2 : 1;
        for (int d = 0; d < devices; d++) {
            CountingConnection connection = new CountingConnection(userId, "u" + userId + "-d" + d);
            router.bind(userId, connection);
            all.add(connection);
        }
    }

    /** A {@code msg} push from the first user with an ordinary 200-character text. */
    static MessagePush push() {
        return new MessagePush(new MessageInfo(88_231_547L, 1_000_017L, 5_311L, FIRST_USER_ID,
                "6f1c2a9e-4b7d-4e8a-9a51-c3d0e2f4a7b1", CodecBenchmark.text("ascii"), 1_718_000_000_123L));
    }

    /**
     * A logged-in connection that only counts the frames handed to it. The counters are fields of
     * objects the benchmark state keeps, so the JIT cannot drop the calls that update them.
     */
    static final class CountingConnection implements ClientConnection {

        final long userId;
        private final String id;
        private final ConnectionSession session = new ConnectionSession();
        long frames;
        long bytes;

        CountingConnection(long userId, String id) {
            this.userId = userId;
            this.id = id;
            session.login(new ConnectionSession.Identity(userId, "user" + userId, id, userId));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String remoteAddress() {
            return "127.0.0.1:" + (10_000 + userId % 50_000);
        }

        @Override
        public ConnectionSession session() {
            return session;
        }

        @Override
        public Executor serialExecutor() {
            return Runnable::run;
        }

        @Override
        public void send(Packet packet) {
            // The router encodes fan-out frames itself; a per-connection encode here would be a regression.
            throw new UnsupportedOperationException("the router must hand over encoded frames");
        }

        @Override
        public void sendFrame(byte[] frame) {
            frames++;
            bytes += frame.length;
        }

        @Override
        public void sendFrame(byte[] frame, Runnable written) {
            sendFrame(frame);
            written.run();
        }

        @Override
        public void closeWith(Packet bye, String reason) {
            throw new UnsupportedOperationException("not part of routing");
        }

        @Override
        public void close(String reason) {
            throw new UnsupportedOperationException("not part of routing");
        }

        @Override
        public boolean isClosed() {
            return false;
        }
    }
}
