package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.msg;
import static org.qchat.client.testing.Wire.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.AckCursor;
import org.qchat.protocol.packet.ByePush;
import org.qchat.protocol.packet.MessagePage;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.PullMessages;
import org.qchat.protocol.packet.Resume;
import org.qchat.protocol.packet.Sync;
import org.qchat.protocol.packet.SyncState;

class ReconnectTest {

    private static final UserInfo ME = user(1, "Alice");
    private static final long BOB = 2;
    private static final long CONV = 12;

    private final ClientHarness h = new ClientHarness();
    private final List<ConnectionState> states = new ArrayList<>();

    @BeforeEach
    void loggedInWithBobAndThreeMessages() {
        h.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(),
                List.of(Wire.privateConv(CONV, BOB, 3, 0), Wire.systemConv(0, 0)));
        h.answer(PullMessages.class, r -> page(r.id(), false,
                msg(CONV, 1, BOB, "one"), msg(CONV, 2, 1, "two"), msg(CONV, 3, BOB, "three")));
        h.client.session().addListener(s -> {
            if (states.isEmpty() || states.get(states.size() - 1) != s.state()) {
                states.add(s.state());
            }
        });
    }

    private static MessagePage page(String id, boolean more, org.qchat.protocol.model.MessageInfo... messages) {
        return new MessagePage(id, CONV, List.of(messages), more);
    }

    private Conversation conv() {
        return h.client.conversations().get(CONV).orElseThrow();
    }

    private List<String> texts() {
        return conv().messages().stream().map(ChatMessage::text).toList();
    }

    @Test
    void aDroppedLinkShowsReconnectingThenResumesWithTheTokenAndIsOnlineAgain() {
        h.transport().drop("network down");
        assertThat(h.client.session().state()).isEqualTo(ConnectionState.RECONNECTING);

        Resume resume = h.reconnectAndResume(ME);

        assertThat(resume.token()).isEqualTo(ClientHarness.TOKEN);
        assertThat(resume.device()).isEqualTo("test-device");
        assertThat(states).containsExactly(ConnectionState.RECONNECTING, ConnectionState.ONLINE);
        assertThat(h.transports).as("the same transport reconnects").hasSize(1);
    }

    @Test
    void whileReconnectingFailedAttemptsKeepTheStateAndTheTransportKeepsTrying() {
        h.transport().drop("network down");

        h.transport().refuseConnection();
        h.transport().refuseConnection();

        assertThat(h.client.session().state()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(h.transport().isClosed()).isFalse();
    }

    @Test
    void afterResumingOnlyTheMissedMessagesArePulledAndEachIsShownOnceInOrder() {
        h.transport().drop("network down");
        h.reconnectAndResume(ME);
        h.answerBootstrap(List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(),
                List.of(Wire.privateConv(CONV, BOB, 6, 0)));

        PullMessages pull = h.answer(PullMessages.class, r -> page(r.id(), true, msg(CONV, 4, BOB, "four")));
        assertThat(pull.afterSeq()).as("from what we hold, not the server's old cursor").isEqualTo(3);
        // A push of seq 6 crosses the pull in flight; then the pull's next page repeats it.
        h.transport().receive(new MessagePush(msg(CONV, 6, BOB, "six")));
        PullMessages next = h.answer(PullMessages.class, r -> page(r.id(), false,
                msg(CONV, 5, BOB, "five"), msg(CONV, 6, BOB, "six")));

        assertThat(next.afterSeq()).isEqualTo(4);
        assertThat(texts()).containsExactly("one", "two", "three", "four", "five", "six");
        assertThat(conv().syncedSeq()).isEqualTo(6);
    }

    @Test
    void aMessageThatArrivesByPushAndAgainByPullAppearsOnce() {
        h.transport().receive(new MessagePush(msg(CONV, 4, BOB, "four")));
        h.transport().drop("network down");
        h.reconnectAndResume(ME);
        h.answerBootstrap(List.of(), List.of(), List.of(Wire.privateConv(CONV, BOB, 5, 0)));

        PullMessages pull = h.answer(PullMessages.class, r -> page(r.id(), false,
                msg(CONV, 4, BOB, "four"), msg(CONV, 5, BOB, "five")));

        assertThat(pull.afterSeq()).isEqualTo(4);
        assertThat(texts()).containsExactly("one", "two", "three", "four", "five");
    }

    @Test
    void aPushThatSkipsSeqsPullsTheGap() {
        h.transport().receive(new MessagePush(msg(CONV, 7, BOB, "seven")));

        PullMessages pull = h.answer(PullMessages.class, r -> page(r.id(), false,
                msg(CONV, 4, BOB, "4"), msg(CONV, 5, BOB, "5"), msg(CONV, 6, BOB, "6"), msg(CONV, 7, BOB, "seven")));

        assertThat(pull.afterSeq()).isEqualTo(3);
        assertThat(conv().messages()).extracting(ChatMessage::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void unreadCountsGrowWithIncomingMessagesAndClearWhenTheConversationIsViewed() {
        assertThat(conv().unreadCount()).as("two of the three are Bob's").isEqualTo(2);
        h.transport().receive(new MessagePush(msg(CONV, 4, BOB, "four")));
        assertThat(h.client.conversations().totalUnread()).isEqualTo(3);

        h.client.setViewing(CONV, true);
        assertThat(conv().unreadCount()).isZero();
        h.transport().receive(new MessagePush(msg(CONV, 5, BOB, "five")));
        assertThat(conv().unreadCount()).as("arrives while viewed").isZero();

        h.client.setViewing(CONV, false);
        h.transport().receive(new MessagePush(msg(CONV, 6, BOB, "six")));
        assertThat(conv().unreadCount()).isEqualTo(1);
    }

    @Test
    void whatWasReadIsAcknowledgedOnceShortlyAfter() {
        h.client.setViewing(CONV, true);
        h.transport().receive(new MessagePush(msg(CONV, 4, BOB, "four")));
        assertThat(h.transport().sent(AckCursor.class)).isEmpty();

        h.scheduler.advance(SyncEngine.ACK_DELAY);

        AckCursor ack = h.answer(AckCursor.class, r -> new Ok(r.id()));
        assertThat(ack.convId()).isEqualTo(CONV);
        assertThat(ack.seq()).isEqualTo(4);
        assertThat(h.transport().sent(AckCursor.class)).hasSize(1);
        assertThat(conv().ackedSeq()).isEqualTo(4);
    }

    @Test
    void afterResumingAViewedConversationIsCaughtUpThenAcknowledged() {
        h.client.setViewing(CONV, true);
        h.transport().drop("network down");
        h.reconnectAndResume(ME);
        h.answerBootstrap(List.of(), List.of(), List.of(Wire.privateConv(CONV, BOB, 4, 0)));

        h.answer(PullMessages.class, r -> page(r.id(), false, msg(CONV, 4, BOB, "four")));
        h.scheduler.advance(SyncEngine.ACK_DELAY);

        assertThat(h.transport().last(AckCursor.class).seq()).isEqualTo(4);
    }

    @Test
    void theServerSayingThePasswordChangedEndsTheSessionAndForgetsTheToken() {
        h.store.saveSession(new SessionStore.SavedSession(ClientHarness.SERVER, "alice", ClientHarness.TOKEN));

        h.transport().receive(new ByePush("password_changed", "changed elsewhere"));
        h.transport().drop("closed by server");

        assertThat(h.client.session().state()).isEqualTo(ConnectionState.SIGNED_OUT);
        assertThat(h.client.session().signedOutReason()).isEqualTo("bye.passwordChanged");
        assertThat(h.store.savedSession()).isEmpty();
        assertThat(h.transport().isClosed()).isTrue();
    }

    @Test
    void aServerShutdownIsRiddenOutByReconnecting() {
        h.transport().receive(new ByePush("shutdown", "bye"));
        h.transport().drop("closed by server");

        assertThat(h.client.session().state()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(h.transport().isClosed()).isFalse();
    }

    @Test
    void aTokenRefusedOnResumeSignsOutAndAsksForThePassword() {
        h.transport().drop("network down");
        h.transport().acceptConnection();

        h.fail(Resume.class, ErrorCode.UNAUTHENTICATED);

        assertThat(h.client.session().state()).isEqualTo(ConnectionState.SIGNED_OUT);
        assertThat(h.client.session().signedOutReason()).isEqualTo("error.session.expired");
    }

    @Test
    void aResumeThatGetsNoAnswerStartsOverOnAFreshLink() {
        h.transport().drop("network down");
        h.transport().acceptConnection();

        h.scheduler.advance(Requester.DEFAULT_TIMEOUT);

        assertThat(h.transport().resets()).isEqualTo(1);
        assertThat(h.client.session().state()).isEqualTo(ConnectionState.RECONNECTING);
    }

    @Test
    void anIdleLinkIsPingedAndAPingWithoutPongResetsIt() {
        h.scheduler.advance(SyncEngine.DELIVERY_ACK_DELAY);
        h.answer(AckCursor.class, r -> new Ok(r.id()));
        h.scheduler.advance(Duration.ofSeconds(30));
        assertThat(h.transport().sent(org.qchat.protocol.packet.Ping.class)).hasSize(1);

        h.scheduler.advance(Duration.ofSeconds(30));

        assertThat(h.transport().resets()).isEqualTo(1);
        assertThat(h.client.session().state()).isEqualTo(ConnectionState.RECONNECTING);
    }

    @Test
    void aBusyLinkIsNotPinged() {
        for (int i = 0; i < 4; i++) {
            h.scheduler.advance(Duration.ofSeconds(20));
            h.client.sendMessage(CONV, "still here " + i);
        }

        assertThat(h.transport().sent(org.qchat.protocol.packet.Ping.class)).isEmpty();
    }

    @Test
    void afterARestartTheNewestMessageOfAReadConversationIsFetchedForTheRecentList() {
        ClientHarness fresh = new ClientHarness();
        fresh.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(),
                List.of(new org.qchat.protocol.model.ConversationInfo(CONV, org.qchat.protocol.model.ConversationKind.PRIVATE,
                        BOB, null, 9, 9, true, 9L, null, null)));

        org.qchat.protocol.packet.MessageHistory latest = fresh.answer(org.qchat.protocol.packet.MessageHistory.class,
                r -> new MessagePage(r.id(), CONV, List.of(msg(CONV, 9, BOB, "see you")), true));

        assertThat(latest.beforeSeq()).isNull();
        assertThat(latest.limit()).isEqualTo(1);
        Conversation c = fresh.client.conversations().get(CONV).orElseThrow();
        assertThat(c.lastMessage()).get().extracting(ChatMessage::text).isEqualTo("see you");
        assertThat(c.unreadCount()).as("it was read before the restart").isZero();
        assertThat(fresh.client.conversations().recent()).containsExactly(c);
        assertThat(fresh.hasUnanswered(PullMessages.class)).isFalse();
    }

    @Test
    void aConversationUnknownUntilItsFirstPushIsLearnedThroughSync() {
        h.transport().receive(new MessagePush(msg(40, 1, 9, "hi from a new group")));

        SyncState reply = new SyncState(null, List.of(Wire.groupConv(40, 1, 0)), List.of(), Wire.TIME);
        h.answer(Sync.class, r -> new SyncState(r.id(), reply.conversations(), List.of(), Wire.TIME));

        Conversation group = h.client.conversations().get(40).orElseThrow();
        assertThat(group.kind()).isEqualTo(org.qchat.protocol.model.ConversationKind.GROUP);
        assertThat(group.messages()).hasSize(1);
        assertThat(h.hasUnanswered(PullMessages.class)).as("seq 1 is already held").isFalse();
    }
}
