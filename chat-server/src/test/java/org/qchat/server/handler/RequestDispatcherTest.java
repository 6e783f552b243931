package org.qchat.server.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.Packet;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.ListFriends;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.Pong;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.service.Services;
import org.qchat.server.limit.TokenBucket;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.ConnectionSession;

class RequestDispatcherTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger bucketsMade = new AtomicInteger();
    private final RequestDispatcher dispatcher = new RequestDispatcher(
            Handlers.create(ServerConfig.builder().build(), Clock.systemUTC(), new Services(null, null, null, null, null, null, null, null, null, null, null, null, null, new Services.ReadState(null, null)), null),
            new ErrorReporter(code -> { }),
            () -> {
                bucketsMade.incrementAndGet();
                return new TokenBucket(3, 10, nanos::get);
            });

    @Test
    void requestsOverTheBurstAreRefusedWithTheWaitBeforeAnythingElseIsChecked() {
        Connection c = new Connection();
        for (int i = 0; i < 5; i++) {
            dispatcher.dispatch(c, new ListFriends("r" + i));
        }

        assertThat(c.errors()).extracting(ErrorReply::code).containsExactly(ErrorCode.UNAUTHENTICATED,
                ErrorCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED, ErrorCode.RATE_LIMITED, ErrorCode.RATE_LIMITED);
        assertThat(c.errors().get(3).message()).isEqualTo("slow down; retry in 100 ms");
        assertThat(c.errors().get(3).id()).isEqualTo("r3");

        nanos.addAndGet(Duration.ofMillis(60).toNanos());
        dispatcher.dispatch(c, new ListFriends("r5"));
        assertThat(c.errors().get(5).message()).isEqualTo("slow down; retry in 40 ms");
        nanos.addAndGet(Duration.ofMillis(40).toNanos());
        dispatcher.dispatch(c, new ListFriends("r6"));
        assertThat(c.errors().get(6).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void pingIsNeverRateLimited() {
        Connection c = new Connection();
        for (int i = 0; i < 3; i++) {
            dispatcher.dispatch(c, new ListFriends("r" + i));
        }
        for (int i = 0; i < 100; i++) {
            dispatcher.dispatch(c, new Ping("p" + i));
        }
        assertThat(c.sent).filteredOn(Pong.class::isInstance).hasSize(100);
        dispatcher.dispatch(c, new ListFriends("after"));
        assertThat(c.errors()).last().extracting(ErrorReply::code).isEqualTo(ErrorCode.RATE_LIMITED);
    }

    @Test
    void eachConnectionHasABucketOfItsOwnMadeOnFirstUse() {
        Connection first = new Connection();
        Connection second = new Connection();
        dispatcher.dispatch(first, new Ping("p"));
        assertThat(bucketsMade).as("ping does not even make a bucket").hasValue(0);
        for (int i = 0; i < 4; i++) {
            dispatcher.dispatch(first, new ListFriends("a" + i));
        }
        dispatcher.dispatch(second, new ListFriends("b"));

        assertThat(first.errors()).last().extracting(ErrorReply::code).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(second.errors()).extracting(ErrorReply::code).containsExactly(ErrorCode.UNAUTHENTICATED);
        assertThat(bucketsMade).hasValue(2);
    }

    /** Records what the dispatcher sends; no network. */
    private static final class Connection implements ClientConnection {
        final List<Packet> sent = new ArrayList<>();
        private final ConnectionSession session = new ConnectionSession();

        List<ErrorReply> errors() {
            return sent.stream().filter(ErrorReply.class::isInstance).map(ErrorReply.class::cast).toList();
        }

        @Override public String id() { return "test"; }
        @Override public String remoteAddress() { return "192.0.2.1:4000"; }
        @Override public ConnectionSession session() { return session; }
        @Override public Executor serialExecutor() { return Runnable::run; }
        @Override public void send(Packet packet) { sent.add(packet); }
        @Override public void sendFrame(byte[] frame) { }
        @Override public void sendFrame(byte[] frame, Runnable written) { sendFrame(frame); written.run(); }
        @Override public void closeWith(Packet bye, String reason) { }
        @Override public void close(String reason) { }
        @Override public boolean isClosed() { return false; }
    }
}
