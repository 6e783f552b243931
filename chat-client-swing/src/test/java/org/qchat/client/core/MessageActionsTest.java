package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.user;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.MessageExtras;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.Quote;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageRecalledPush;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.RecallMessage;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.Typing;
import org.qchat.protocol.packet.TypingPush;

class MessageActionsTest {

    private static final UserInfo ME = user(1, "Alice");
    private static final long BOB_CONV = 12;
    private static final long GROUP = 5;
    private final ClientHarness h = new ClientHarness();

    @BeforeEach
    void loggedIn() {
        h.loginAs(ME, List.of(Wire.friend(2, "Bob", true, BOB_CONV)), List.of(Wire.group(GROUP, "Hiking", Role.ADMIN, 3)),
                List.of(Wire.privateConv(BOB_CONV, 2, 0, 0), Wire.groupConv(GROUP, 0, 0)));
    }

    private Conversation conv(long convId) {
        return h.client.conversations().get(convId).orElseThrow();
    }

    private MessageActions actions() {
        return h.client.messageActions();
    }

    private static MessageInfo withExtras(MessageInfo m, Quote quote, List<Long> mentions, Boolean mentionAll) {
        return new MessageInfo(m.msgId(), m.convId(), m.seq(), m.senderId(), m.clientMsgId(), m.text(), m.time(),
                null, null, quote, mentions, mentionAll, null, null);
    }

    @Test
    void aReplySendsTheQuotedSeqAndMentionsAndShowsTheQuoteOnceStored() {
        Quote quote = new Quote(4, 2L, "lunch?", null, null);
        actions().send(GROUP, "@Bob yes", MessageExtras.outgoing(quote, List.of(2L), false));

        SendMessage request = h.answer(SendMessage.class,
                r -> new MessageSent(r.id(), r.clientMsgId(), 90, GROUP, 5, Wire.TIME));

        assertThat(request.replyTo()).isEqualTo(4L);
        assertThat(request.mentions()).containsExactly(2L);
        assertThat(request.mentionAll()).isNull();
        ChatMessage stored = conv(GROUP).stored(5).orElseThrow();
        assertThat(stored.replyTo()).isEqualTo(quote);
        assertThat(stored.mentions(2)).isTrue();
    }

    @Test
    void aMessageThatMentionsMeIsMarkedUntilRead() {
        h.transport().receive(new MessagePush(withExtras(Wire.msg(GROUP, 1, 2, "@Alice look"), null, List.of(1L), null)));
        h.transport().receive(new MessagePush(withExtras(Wire.msg(GROUP, 2, 3, "@Carol hi"), null, List.of(3L), null)));

        Conversation group = conv(GROUP);
        assertThat(group.messages()).extracting(group::mentionsMe).containsExactly(true, false);
        assertThat(group.hasUnreadMention()).isTrue();

        group.markRead();

        assertThat(group.hasUnreadMention()).isFalse();
    }

    @Test
    void mentioningEveryoneMentionsMeToo() {
        h.transport().receive(new MessagePush(withExtras(Wire.msg(GROUP, 1, 3, "@All meeting"), null, null, true)));

        assertThat(conv(GROUP).mentionsMe(conv(GROUP).stored(1).orElseThrow())).isTrue();
    }

    @Test
    void aRecallPushShowsTheMessageRecalledAndEveryQuoteOfIt() {
        h.transport().receive(new MessagePush(Wire.msg(BOB_CONV, 1, 2, "oops")));
        h.transport().receive(new MessagePush(withExtras(Wire.msg(BOB_CONV, 2, 1, "what?"),
                new Quote(1, 2L, "oops", null, null), null, null)));

        h.transport().receive(new MessageRecalledPush(BOB_CONV, 1, 2, Wire.TIME));

        ChatMessage recalled = conv(BOB_CONV).stored(1).orElseThrow();
        assertThat(recalled.isRecalled()).isTrue();
        assertThat(recalled.extras().recalledBy()).isEqualTo(2L);
        assertThat(recalled.text()).isEqualTo(MessageInfo.RECALLED_TEXT);
        Quote quote = conv(BOB_CONV).stored(2).orElseThrow().replyTo();
        assertThat(quote.recalled()).isTrue();
        assertThat(quote.text()).isEmpty();
    }

    @Test
    void aMessageReadAgainRecalledShowsRecalledThoughThePushWasMissed() {
        h.transport().receive(new MessagePush(Wire.msg(BOB_CONV, 1, 2, "oops")));

        h.transport().receive(new MessagePush(Wire.msg(BOB_CONV, 1, 2, "oops").recalled(2)));

        assertThat(conv(BOB_CONV).stored(1).orElseThrow().isRecalled()).isTrue();
    }

    @Test
    void myOwnMessageMayBeRecalledOnlyWithinTwoMinutesButAnAdminRecallsMembersMessagesAnyTime() {
        h.transport().receive(new MessagePush(new MessageInfo(50, BOB_CONV, 1, 1, "c-1", "mine", h.scheduler.now())));
        h.transport().receive(new MessagePush(new MessageInfo(51, GROUP, 1, 3, "c-2", "theirs", h.scheduler.now())));
        ChatMessage mine = conv(BOB_CONV).stored(1).orElseThrow();
        ChatMessage members = conv(GROUP).stored(1).orElseThrow();

        assertThat(actions().mayRecall(mine)).isTrue();
        h.scheduler.advance(MessageActions.RECALL_WINDOW);
        assertThat(actions().mayRecall(mine)).isFalse();
        assertThat(actions().mayRecall(members)).isTrue();
    }

    @Test
    void recallingAsksTheServerAndShowsTheMessageRecalledOnSuccess() {
        h.transport().receive(new MessagePush(new MessageInfo(50, BOB_CONV, 1, 1, "c-1", "mine", h.scheduler.now())));

        actions().recall(conv(BOB_CONV).stored(1).orElseThrow());
        RecallMessage request = h.answer(RecallMessage.class, r -> new Ok(r.id()));

        assertThat(request.convId()).isEqualTo(BOB_CONV);
        assertThat(request.seq()).isEqualTo(1);
        assertThat(conv(BOB_CONV).stored(1).orElseThrow().extras().recalledBy()).isEqualTo(1L);
    }

    @Test
    void typingIsSentAtMostEveryThreeSecondsAndOnlyInPrivateChats() {
        actions().typed(BOB_CONV);
        actions().typed(BOB_CONV);
        actions().typed(GROUP);
        assertThat(h.transport().sent(Typing.class)).extracting(Typing::convId).containsExactly(BOB_CONV);

        h.scheduler.advance(MessageActions.TYPING_INTERVAL);
        actions().typed(BOB_CONV);

        assertThat(h.transport().sent(Typing.class)).hasSize(2);
    }

    @Test
    void thePeerShowsTypingForFiveSecondsOrUntilTheirMessageArrives() {
        h.transport().receive(new TypingPush(BOB_CONV, 2));
        assertThat(conv(BOB_CONV).isPeerTyping(h.scheduler.now())).isTrue();
        h.scheduler.advance(Duration.ofSeconds(5));
        assertThat(conv(BOB_CONV).isPeerTyping(h.scheduler.now())).isFalse();

        h.transport().receive(new TypingPush(BOB_CONV, 2));
        h.transport().receive(new MessagePush(Wire.msg(BOB_CONV, 1, 2, "done typing")));

        assertThat(conv(BOB_CONV).isPeerTyping(h.scheduler.now())).isFalse();
    }

    @Test
    void forwardingATextSendsItAsANewMessageOfMine() {
        h.transport().receive(new MessagePush(Wire.msg(BOB_CONV, 1, 2, "good joke")));

        assertThat(actions().forward(conv(BOB_CONV).stored(1).orElseThrow(), GROUP)).isTrue();

        SendMessage request = h.transport().last(SendMessage.class);
        assertThat(request.convId()).isEqualTo(GROUP);
        assertThat(request.text()).isEqualTo("good joke");
    }
}
