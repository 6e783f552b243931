package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.testing.FakeTransport;
import org.qchat.client.testing.ManualScheduler;
import org.qchat.client.transport.ServerAddress;
import org.qchat.client.transport.ServerList;
import org.qchat.client.transport.TransportListener;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.Packet;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.Ping;
import org.qchat.protocol.packet.Pong;

class RequesterTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeTransport transport = new FakeTransport();
    private final Requester requester = new Requester(scheduler);

    @BeforeEach
    void connect() {
        transport.connect(ServerList.of(new ServerAddress("h", 1)), new TransportListener() {
            @Override
            public void connected() {
            }

            @Override
            public void connectFailed(String reason) {
            }

            @Override
            public void disconnected(String reason) {
            }

            @Override
            public void packetReceived(Packet packet) {
            }
        });
        transport.acceptConnection();
        requester.setTransport(transport);
    }

    private static ChatException failure(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        return ChatException.of(f.handle((v, t) -> t).join());
    }

    @Test
    void repliesAreMatchedToRequestsByIdEvenWhenTheyArriveOutOfOrder() {
        CompletableFuture<Pong> first = requester.call(Ping::new, Pong.class);
        CompletableFuture<Pong> second = requester.call(Ping::new, Pong.class);
        List<Ping> pings = transport.sent(Ping.class);

        requester.complete(new Pong(pings.get(1).id(), 222));
        requester.complete(new Pong(pings.get(0).id(), 111));

        assertThat(first.join().time()).isEqualTo(111);
        assertThat(second.join().time()).isEqualTo(222);
        assertThat(pings.get(0).id()).isNotEqualTo(pings.get(1).id());
    }

    @Test
    void anErrorReplyFailsTheRequestWithTheServersCode() {
        CompletableFuture<Ok> call = requester.call(Ping::new, Ok.class);

        requester.complete(new ErrorReply(transport.last(Ping.class).id(), ErrorCode.FORBIDDEN, "no"));

        ChatException e = failure(call);
        assertThat(e.kind()).isEqualTo(ChatException.Kind.SERVER_ERROR);
        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void aReplyOfTheWrongTypeIsAnUnexpectedReply() {
        CompletableFuture<Pong> call = requester.call(Ping::new, Pong.class);

        requester.complete(new Ok(transport.last(Ping.class).id()));

        assertThat(failure(call).kind()).isEqualTo(ChatException.Kind.UNEXPECTED_REPLY);
    }

    @Test
    void noReplyInTimeFailsWithATimeoutAndALateReplyIsIgnored() {
        CompletableFuture<Pong> call = requester.call(Ping::new, Pong.class, Duration.ofSeconds(5));

        scheduler.advance(Duration.ofSeconds(4));
        assertThat(call).isNotDone();
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(failure(call).kind()).isEqualTo(ChatException.Kind.TIMEOUT);
        assertThat(requester.complete(new Pong(transport.last(Ping.class).id(), 1))).isFalse();
    }

    @Test
    void aDroppedLinkFailsEveryWaitingRequest() {
        CompletableFuture<Pong> a = requester.call(Ping::new, Pong.class);
        CompletableFuture<Pong> b = requester.call(Ping::new, Pong.class);

        requester.failAll(ChatException.Kind.CONNECTION_LOST, "gone");

        assertThat(failure(a).kind()).isEqualTo(ChatException.Kind.CONNECTION_LOST);
        assertThat(failure(b).kind()).isEqualTo(ChatException.Kind.CONNECTION_LOST);
        assertThat(requester.pendingCount()).isZero();
        assertThat(scheduler.pending()).as("timeouts cancelled").isZero();
    }

    @Test
    void withoutALinkARequestFailsAtOnceAndNothingIsSent() {
        transport.drop("gone");

        CompletableFuture<Pong> call = requester.call(Ping::new, Pong.class);

        assertThat(failure(call).kind()).isEqualTo(ChatException.Kind.NOT_CONNECTED);
        assertThat(transport.sent()).isEmpty();
    }

    @Test
    void idsAreNeverReusedAcrossLinks() {
        requester.call(Ping::new, Pong.class);
        FakeTransport next = new FakeTransport();
        next.connect(ServerList.of(new ServerAddress("h", 1)), null);
        requester.setTransport(null);
        requester.call(Ping::new, Pong.class);

        transport.clearSent();
        requester.setTransport(transport);
        requester.call(Ping::new, Pong.class);

        assertThat(transport.last(Ping.class).id()).isEqualTo("3");
    }
}
