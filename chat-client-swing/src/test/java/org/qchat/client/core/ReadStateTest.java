package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.msg;
import static org.qchat.client.testing.Wire.user;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Contact;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.Receipts.Tick;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.Receipt;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.AckCursor;
import org.qchat.protocol.packet.ConversationSettingsPush;
import org.qchat.protocol.packet.FriendRemarkPush;
import org.qchat.protocol.packet.ListReceipts;
import org.qchat.protocol.packet.MarkRead;
import org.qchat.protocol.packet.MessagePage;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.PullMessages;
import org.qchat.protocol.packet.ReceiptList;
import org.qchat.protocol.packet.ReceiptPush;
import org.qchat.protocol.packet.SetConversationSettings;
import org.qchat.protocol.packet.SetFriendRemark;

/** Delivered and read cursors, receipts, and the settings shared by my devices, against a fake server. */
class ReadStateTest {

    private static final UserInfo ME = user(1, "Alice");
    private static final long BOB = 2;
    private static final long CAROL = 3;
    private static final long CONV = 12;
    private static final long GROUP = 5;
    private final ClientHarness h = new ClientHarness();

    @BeforeEach
    void loggedInWithBobAndAGroup() {
        h.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(Wire.group(GROUP, "Hiking", Role.MEMBER, 3)),
                List.of(Wire.privateConv(CONV, BOB, 3, 0), Wire.groupConv(GROUP, 0, 0)));
        h.answer(PullMessages.class, r -> new MessagePage(r.id(), CONV,
                List.of(msg(CONV, 1, BOB, "one"), msg(CONV, 2, ME.userId(), "two"), msg(CONV, 3, BOB, "three")), false));
    }

    private Conversation conv(long id) {
        return h.client.conversations().get(id).orElseThrow();
    }

    @Test
    void whatArrivesIsAcknowledgedAsDeliveredWithinHalfASecondWithoutBeingMarkedRead() {
        h.scheduler.advance(SyncEngine.DELIVERY_ACK_DELAY);
        h.answer(AckCursor.class, r -> new Ok(r.id()));
        h.transport().receive(new MessagePush(msg(CONV, 4, BOB, "four")));
        h.transport().receive(new MessagePush(msg(CONV, 5, BOB, "five")));

        assertThat(h.transport().sent(AckCursor.class)).hasSize(1);
        h.scheduler.advance(SyncEngine.DELIVERY_ACK_DELAY);

        AckCursor ack = h.answer(AckCursor.class, r -> new Ok(r.id()));
        assertThat(ack.seq()).as("one ack for the burst").isEqualTo(5);
        assertThat(h.transport().sent(AckCursor.class)).extracting(AckCursor::seq).containsExactly(3L, 5L);
        assertThat(h.transport().sent(MarkRead.class)).isEmpty();
        assertThat(conv(CONV).unreadCount()).isEqualTo(4);
    }

    @Test
    void lookingAtAConversationStoresTheReadCursorShortlyAfterAndAsksForReceipts() {
        h.client.setViewing(CONV, true);

        h.scheduler.advance(SyncEngine.ACK_DELAY);

        MarkRead read = h.answer(MarkRead.class, r -> new Ok(r.id()));
        assertThat(read.convId()).isEqualTo(CONV);
        assertThat(read.seq()).isEqualTo(3);
        assertThat(conv(CONV).readReported()).isEqualTo(3);
        assertThat(h.transport().last(ListReceipts.class).convId()).isEqualTo(CONV);
    }

    @Test
    void readingOnAnotherDeviceClearsTheUnreadCountHere() {
        assertThat(conv(CONV).unreadCount()).isEqualTo(2);

        h.transport().receive(new ReceiptPush(CONV, ME.userId(), 3, 3));

        assertThat(conv(CONV).unreadCount()).isZero();
        assertThat(h.client.conversations().totalUnread()).isZero();
        h.client.setViewing(CONV, true);
        h.scheduler.advance(SyncEngine.ACK_DELAY);
        assertThat(h.transport().sent(MarkRead.class)).as("the server knows it already").isEmpty();
    }

    @Test
    void myMessageShowsSentThenDeliveredThenReadAsThePeerGetsThere() {
        Conversation c = conv(CONV);
        assertThat(c.receipts().tick(2, BOB)).isEqualTo(Tick.SENT);
        assertThat(c.receipts().tick(0, BOB)).isEqualTo(Tick.SENDING);

        h.transport().receive(new ReceiptPush(CONV, BOB, 2, 0));
        assertThat(c.receipts().tick(2, BOB)).isEqualTo(Tick.DELIVERED);
        h.transport().receive(new ReceiptPush(CONV, BOB, 3, 2));
        assertThat(c.receipts().tick(2, BOB)).isEqualTo(Tick.READ);
        h.transport().receive(new ReceiptPush(CONV, BOB, 1, 1));
        assertThat(c.receipts().tick(2, BOB)).as("cursors never move back").isEqualTo(Tick.READ);
    }

    @Test
    void inAGroupTheReceiptsListSaysWhoReadEachOfMyMessages() {
        h.transport().receive(new MessagePush(new MessageInfo(90, GROUP, 1, ME.userId(), "g1", "hello", Wire.TIME)));
        h.transport().receive(new MessagePush(new MessageInfo(91, GROUP, 2, ME.userId(), "g2", "again", Wire.TIME)));
        h.client.setViewing(GROUP, true);

        h.answer(ListReceipts.class, r -> new ReceiptList(r.id(), GROUP, List.of(new Receipt(ME.userId(), 2, 2),
                new Receipt(BOB, 2, 2), new Receipt(CAROL, 2, 1))));

        assertThat(conv(GROUP).receipts().readers(1, ME.userId())).containsExactly(BOB, CAROL);
        assertThat(conv(GROUP).receipts().readers(2, ME.userId())).containsExactly(BOB);
        h.transport().receive(new ReceiptPush(GROUP, CAROL, 2, 2));
        assertThat(conv(GROUP).receipts().readers(2, ME.userId())).containsExactly(BOB, CAROL);
    }

    @Test
    void pinnedConversationsComeFirstAndSettingsFromAnotherDeviceApply() {
        h.transport().receive(new MessagePush(new MessageInfo(97, GROUP, 1, BOB, "n1", "newer", Wire.TIME + 100)));
        assertThat(h.client.conversations().recent()).extracting(Conversation::convId).containsExactly(GROUP, CONV);

        h.transport().receive(new ConversationSettingsPush(CONV, true, true));

        assertThat(h.client.conversations().recent()).extracting(Conversation::convId).containsExactly(CONV, GROUP);
        assertThat(conv(CONV).isMuted()).isTrue();
        h.client.setPinned(CONV, false);
        SetConversationSettings sent = h.answer(SetConversationSettings.class, r -> new Ok(r.id()));
        assertThat(sent.pinned()).isFalse();
        assertThat(sent.dnd()).as("only the pin changes").isNull();
        assertThat(conv(CONV).isPinned()).isFalse();
        assertThat(conv(CONV).isMuted()).isTrue();
    }

    @Test
    void syncStateCarriesTheSettingsAndTheSharedReadCursor() {
        ClientHarness fresh = new ClientHarness();
        fresh.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(),
                List.of(new ConversationInfo(CONV, ConversationKind.PRIVATE, BOB, null, 6, 6, true, 4L, true, true)));

        PullMessages pull = fresh.answer(PullMessages.class, r -> new MessagePage(r.id(), CONV,
                List.of(msg(CONV, 5, BOB, "five"), msg(CONV, 6, BOB, "six")), false));

        Conversation c = fresh.client.conversations().get(CONV).orElseThrow();
        assertThat(pull.afterSeq()).as("delivered but unread messages are fetched again after a start").isEqualTo(4);
        assertThat(c.unreadCount()).isEqualTo(2);
        assertThat(c.isPinned()).isTrue();
        assertThat(c.isMuted()).isTrue();
    }

    @Test
    void aRemarkReplacesTheNicknameWhereverTheFriendIsNamed() {
        h.transport().receive(new FriendRemarkPush(BOB, "老板"));

        Contact bob = h.client.contacts().get(BOB).orElseThrow();
        assertThat(bob.displayName()).isEqualTo("老板");
        assertThat(bob.nickname()).isEqualTo("Bob");
        assertThat(h.client.users().name(BOB)).isEqualTo("老板");
        assertThat(h.client.contacts().filtered("bob")).extracting(Contact::userId).containsExactly(BOB);

        h.client.setRemark(BOB, "  ");
        SetFriendRemark sent = h.answer(SetFriendRemark.class, r -> new Ok(r.id()));
        assertThat(sent.remark()).isEmpty();
        assertThat(h.client.users().name(BOB)).isEqualTo("Bob");
        assertThat(h.client.contacts().get(BOB).orElseThrow().hasRemark()).isFalse();
    }

    @Test
    void aFriendListWithARemarkNamesTheFriendByIt() {
        ClientHarness fresh = new ClientHarness();
        fresh.loginAs(ME, List.of(new FriendInfo(user(BOB, "Bob"), true, CONV, "Bobby")), List.of(), List.of());

        assertThat(fresh.client.users().name(BOB)).isEqualTo("Bobby");
        assertThat(fresh.client.contacts().get(BOB).orElseThrow().displayName()).isEqualTo("Bobby");
    }

    @Test
    void aMutedConversationAlertsOnlyForMessagesThatMentionMe() {
        h.transport().receive(new ConversationSettingsPush(GROUP, false, true));
        MessageInfo plain = new MessageInfo(95, GROUP, 1, BOB, "m1", "chatter", Wire.TIME);
        MessageInfo mention = new MessageInfo(96, GROUP, 2, BOB, "m2", "@Alice look", Wire.TIME, null, null, null,
                List.of(ME.userId()), null, null, null);
        h.transport().receive(new MessagePush(plain));
        h.transport().receive(new MessagePush(mention));

        Conversation group = conv(GROUP);
        ChatMessage first = group.stored(1).orElseThrow();
        ChatMessage second = group.stored(2).orElseThrow();
        assertThat(Alerts.wanted(group, first)).isFalse();
        assertThat(Alerts.wanted(group, second)).isTrue();
        assertThat(Alerts.wanted(conv(CONV), conv(CONV).stored(3).orElseThrow())).as("not muted").isTrue();
    }
}
