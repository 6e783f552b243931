package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.user;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.DeliveryState;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.SendMessage;

class OutboxTest {

    private static final UserInfo ME = user(1, "Alice");
    private static final long CONV = 12;
    private final ClientHarness h = new ClientHarness();

    @BeforeEach
    void loggedIn() {
        h.loginAs(ME, List.of(Wire.friend(2, "Bob", true, CONV)), List.of(), List.of(Wire.privateConv(CONV, 2, 0, 0)));
    }

    private Conversation conv() {
        return h.client.conversations().get(CONV).orElseThrow();
    }

    private ChatMessage only() {
        assertThat(conv().messages()).hasSize(1);
        return conv().messages().get(0);
    }

    private MessageSent sent(SendMessage r, long seq) {
        return new MessageSent(r.id(), r.clientMsgId(), 9000 + seq, r.convId(), seq, Wire.TIME + seq);
    }

    @Test
    void aMessageShowsAsSendingAndBecomesSentWithItsSeqWhenTheServerStoredIt() {
        h.client.sendMessage(CONV, "hello 你好 👋");
        assertThat(only().state()).isEqualTo(DeliveryState.SENDING);

        SendMessage request = h.answer(SendMessage.class, r -> sent(r, 1));

        assertThat(request.text()).isEqualTo("hello 你好 👋");
        assertThat(only().state()).isEqualTo(DeliveryState.SENT);
        assertThat(only().seq()).isEqualTo(1);
        assertThat(only().clientMsgId()).isEqualTo(request.clientMsgId());
    }

    @Test
    void everyNewMessageGetsItsOwnClientMsgId() {
        h.client.sendMessage(CONV, "a");
        h.client.sendMessage(CONV, "b");

        List<SendMessage> sends = h.transport().sent(SendMessage.class);
        assertThat(sends.get(0).clientMsgId()).isNotEqualTo(sends.get(1).clientMsgId());
    }

    @Test
    void aMessageUnackedWhenTheLinkDroppedIsResentWithTheSameClientMsgIdAfterResuming() {
        h.client.sendMessage(CONV, "are you there?");
        String clientMsgId = h.transport().last(SendMessage.class).clientMsgId();

        h.transport().drop("network down");
        assertThat(only().state()).as("still sending while away").isEqualTo(DeliveryState.SENDING);
        h.client.sendMessage(CONV, "written while offline");
        h.transport().clearSent();
        h.reconnectAndResume(ME);

        List<SendMessage> resent = h.transport().sent(SendMessage.class);
        assertThat(resent).extracting(SendMessage::text).containsExactly("are you there?", "written while offline");
        assertThat(resent.get(0).clientMsgId()).isEqualTo(clientMsgId);

        h.answer(SendMessage.class, r -> sent(r, 1));
        h.answer(SendMessage.class, r -> sent(r, 2));
        assertThat(conv().messages()).extracting(ChatMessage::state).containsOnly(DeliveryState.SENT);
        assertThat(conv().messages()).extracting(ChatMessage::seq).containsExactly(1L, 2L);
    }

    @Test
    void aRefusedMessageFailsAtOnceAndSaysWhy() {
        h.client.sendMessage(CONV, "hi");

        h.fail(SendMessage.class, ErrorCode.FORBIDDEN);

        assertThat(only().state()).isEqualTo(DeliveryState.FAILED);
        assertThat(only().errorKey()).isEqualTo("error.send.forbidden");
    }

    @Test
    void retryingAFailedMessageSendsTheSameClientMsgIdAgain() {
        h.client.sendMessage(CONV, "hi");
        String clientMsgId = h.fail(SendMessage.class, ErrorCode.FORBIDDEN).clientMsgId();

        h.client.retry(clientMsgId);
        assertThat(only().state()).isEqualTo(DeliveryState.SENDING);
        SendMessage again = h.answer(SendMessage.class, r -> sent(r, 1));

        assertThat(again.clientMsgId()).isEqualTo(clientMsgId);
        assertThat(only().state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void aServerThatIsBusyIsRetriedWithBackOffThenTheMessageFails() {
        h.client.sendMessage(CONV, "hi");

        h.fail(SendMessage.class, ErrorCode.UNAVAILABLE);
        assertThat(only().state()).isEqualTo(DeliveryState.SENDING);
        h.scheduler.advance(Duration.ofSeconds(2));
        h.fail(SendMessage.class, ErrorCode.INTERNAL);
        h.scheduler.advance(Duration.ofSeconds(4));
        h.fail(SendMessage.class, ErrorCode.UNAVAILABLE);

        assertThat(h.transport().sent(SendMessage.class)).hasSize(Outbox.MAX_AUTOMATIC_ATTEMPTS)
                .extracting(SendMessage::clientMsgId).containsOnly(h.transport().last(SendMessage.class).clientMsgId());
        assertThat(only().state()).isEqualTo(DeliveryState.FAILED);
        assertThat(only().errorKey()).isEqualTo("error.code.UNAVAILABLE");
    }

    @Test
    void aMessageFoundStoredByTheCatchUpPullIsNotResent() {
        h.client.sendMessage(CONV, "hi");
        String clientMsgId = h.transport().last(SendMessage.class).clientMsgId();
        h.transport().drop("network down");

        // The server had stored it; the pull after resuming brings it back before the resend.
        conv().accept(new org.qchat.protocol.model.MessageInfo(9001, CONV, 1, ME.userId(), clientMsgId, "hi", Wire.TIME));
        h.transport().clearSent();
        h.reconnectAndResume(ME);

        assertThat(h.transport().sent(SendMessage.class)).isEmpty();
        assertThat(only().state()).isEqualTo(DeliveryState.SENT);
    }
}
