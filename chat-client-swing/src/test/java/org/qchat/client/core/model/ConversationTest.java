package org.qchat.client.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.msg;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.SystemEvent;

class ConversationTest {

    private static final long ME = 1;
    private static final long ALICE = 2;

    private final ConversationList list = new ConversationList();
    private final Conversation conv;

    ConversationTest() {
        list.reset(ME);
        conv = list.ensure(12, ConversationKind.PRIVATE);
    }

    @Test
    void messagesAreOrderedBySeqWhateverOrderTheyArriveIn() {
        conv.accept(msg(12, 3, ALICE, "three"));
        conv.accept(msg(12, 1, ALICE, "one"));
        conv.accept(msg(12, 2, ME, "two"));

        assertThat(conv.messages()).extracting(ChatMessage::text).containsExactly("one", "two", "three");
    }

    @Test
    void imagesAndFilesKeepTheirKindAndFileWhetherPushedPulledOrFromHistory() {
        FileInfo image = new FileInfo("9f".repeat(32), "cat.png", 48213, "image/png", 1024, 768, "/9j/4AAQ");
        FileInfo file = new FileInfo("ab".repeat(32), "report.pdf", 1000, "application/pdf", null, null, null);
        conv.accept(new MessageInfo(9002, 12, 2, ALICE, "c2", "[image] cat.png", Wire.TIME, MessageKind.IMAGE, image));
        conv.acceptHistory(List.of(
                new MessageInfo(9001, 12, 1, ALICE, "c1", "[file] report.pdf", Wire.TIME, MessageKind.FILE, file)), false);
        conv.accept(msg(12, 3, ALICE, "nice"));

        List<ChatMessage> messages = conv.messages();
        assertThat(messages).extracting(ChatMessage::kind)
                .containsExactly(MessageKind.FILE, MessageKind.IMAGE, MessageKind.TEXT);
        assertThat(messages).extracting(ChatMessage::file).containsExactly(file, image, null);
        assertThat(messages.get(1).hasFile()).isTrue();
        assertThat(messages.get(2).hasFile()).isFalse();
    }

    @Test
    void aFileMessageWithoutItsFileCanOnlyBeShownAsText() {
        conv.accept(new MessageInfo(9001, 12, 1, ALICE, "c1", "[file] x", Wire.TIME, MessageKind.FILE, null));

        assertThat(conv.messages().get(0).kind()).isEqualTo(MessageKind.TEXT);
        assertThat(conv.messages().get(0).text()).isEqualTo("[file] x");
    }

    @Test
    void aMessageArrivingByPushAndByPullIsKeptOnce() {
        assertThat(conv.accept(msg(12, 1, ALICE, "hi"))).isEqualTo(Conversation.Accepted.ADDED);
        assertThat(conv.accept(msg(12, 1, ALICE, "hi"))).isEqualTo(Conversation.Accepted.DUPLICATE);

        assertThat(conv.messages()).hasSize(1);
        assertThat(conv.unreadCount()).isEqualTo(1);
    }

    @Test
    void aSeqBeyondTheNextExpectedOneIsReportedAsAGap() {
        conv.accept(msg(12, 1, ALICE, "one"));

        assertThat(conv.accept(msg(12, 2, ALICE, "two"))).isEqualTo(Conversation.Accepted.ADDED);
        assertThat(conv.accept(msg(12, 5, ALICE, "five"))).isEqualTo(Conversation.Accepted.ADDED_AFTER_GAP);
        assertThat(conv.syncedSeq()).isEqualTo(2);
        assertThat(conv.pullFrom()).isEqualTo(2);
    }

    @Test
    void filledGapsMoveTheSyncedCursorPastEverythingHeld() {
        conv.accept(msg(12, 1, ALICE, "one"));
        conv.accept(msg(12, 3, ALICE, "three"));

        conv.accept(msg(12, 2, ALICE, "two"));

        assertThat(conv.syncedSeq()).isEqualTo(3);
    }

    @Test
    void systemLinesAndRecalledMessagesAreNotCountedAsUnread() {
        conv.accept(msg(12, 1, ALICE, "hi"));
        conv.accept(new MessageInfo(9002, 12, 2, ALICE, "sys:2", "Alice set the group notice", Wire.TIME,
                MessageKind.SYSTEM, null, null, null, null, null, SystemEvent.of("notice", ALICE, null)));
        conv.accept(msg(12, 3, ALICE, "oops"));
        assertThat(conv.unreadCount()).isEqualTo(2);

        conv.recall(3, ALICE);

        assertThat(conv.unreadCount()).isEqualTo(1);
    }

    @Test
    void messagesFromOthersAreUnreadUntilReadAndMineNeverAre() {
        conv.accept(msg(12, 1, ALICE, "hi"));
        conv.accept(msg(12, 2, ME, "hello"));
        conv.accept(msg(12, 3, ALICE, "how are you"));
        assertThat(conv.unreadCount()).isEqualTo(2);
        assertThat(list.totalUnread()).isEqualTo(2);

        assertThat(conv.markRead()).isTrue();

        assertThat(conv.unreadCount()).isZero();
        assertThat(conv.readSeq()).isEqualTo(3);
        assertThat(conv.markRead()).as("nothing new to read").isFalse();

        conv.accept(msg(12, 4, ALICE, "?"));
        assertThat(conv.unreadCount()).isEqualTo(1);
        assertThat(list.totalUnread()).isEqualTo(1);
    }

    @Test
    void theServerReadCursorSeedsWhereReadingAndPullingStartEvenIfThisDeviceReceivedMore() {
        conv.applySync(new org.qchat.protocol.model.ConversationInfo(12, org.qchat.protocol.model.ConversationKind.PRIVATE,
                ALICE, null, 10, 9, true, 7L, null, null));

        assertThat(conv.readSeq()).isEqualTo(7);
        assertThat(conv.pullFrom()).isEqualTo(7);
        assertThat(conv.lastSeq()).isEqualTo(10);

        conv.accept(msg(12, 8, ALICE, "a"));
        conv.accept(msg(12, 9, ALICE, "b"));
        assertThat(conv.unreadCount()).isEqualTo(2);
        assertThat(conv.pullFrom()).isEqualTo(9);
    }

    @Test
    void myMessageShowsAsSendingAfterTheStoredOnesAndLeavesTheOutboxOnceStored() {
        conv.accept(msg(12, 1, ALICE, "hi"));
        conv.addOutgoing(ChatMessage.outgoing(12, ME, "out-1", "hello", Wire.TIME));

        assertThat(conv.messages()).extracting(ChatMessage::text, ChatMessage::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("hi", DeliveryState.SENT),
                org.assertj.core.groups.Tuple.tuple("hello", DeliveryState.SENDING));

        conv.accept(new org.qchat.protocol.model.MessageInfo(501, 12, 2, ME, "out-1", "hello", Wire.TIME + 5));

        assertThat(conv.outbox()).isEmpty();
        assertThat(conv.messages()).extracting(ChatMessage::seq).containsExactly(1L, 2L);
        assertThat(conv.messages().get(1).state()).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void aFailedMessageKeepsItsPlaceAndSaysWhy() {
        conv.addOutgoing(ChatMessage.outgoing(12, ME, "out-1", "hello", Wire.TIME));

        conv.setOutgoingState("out-1", DeliveryState.FAILED, "error.send.forbidden");

        assertThat(conv.outgoing("out-1")).get().extracting(ChatMessage::state, ChatMessage::errorKey)
                .containsExactly(DeliveryState.FAILED, "error.send.forbidden");
    }

    @Test
    void olderHistoryIsAddedBeforeWhatIsHeldAndSaysWhenThereIsNoMore() {
        conv.accept(msg(12, 41, ALICE, "new"));

        conv.acceptHistory(List.of(msg(12, 39, ALICE, "old"), msg(12, 40, ME, "older reply")), true);

        assertThat(conv.messages()).extracting(ChatMessage::seq).containsExactly(39L, 40L, 41L);
        assertThat(conv.oldestSeq()).isEqualTo(39);
        assertThat(conv.moreHistory()).isTrue();

        conv.acceptHistory(List.of(msg(12, 1, ALICE, "first")), false);
        assertThat(conv.moreHistory()).isFalse();
    }

    @Test
    void listenersHearOfEveryChangeAndRecentListsActiveConversationsNewestFirst() {
        AtomicInteger changes = new AtomicInteger();
        list.addListener(c -> changes.incrementAndGet());
        Conversation other = list.ensure(13, ConversationKind.PRIVATE);
        list.ensure(14, ConversationKind.GROUP);

        conv.accept(msg(12, 1, ALICE, "old"));
        other.accept(msg(13, 2, 3, "newer")); // Wire.msg times grow with seq

        assertThat(changes.get()).isGreaterThanOrEqualTo(4);
        assertThat(list.recent()).extracting(Conversation::convId).containsExactly(13L, 12L);
    }

    @Test
    void cursorsRestoredFromAnEarlierRunCountUnreadButStillWaitForThisSessionsSync() {
        conv.restore(Wire.privateConv(12, ALICE, 5, 3));
        conv.acceptHistory(List.of(msg(12, 3, ALICE, "read"), msg(12, 4, ALICE, "new"), msg(12, 5, ME, "mine")), true);

        assertThat(conv.peerId()).isEqualTo(ALICE);
        assertThat(conv.unreadCount()).isEqualTo(1);
        assertThat(conv.hasServerCursors()).isFalse();

        conv.restore(Wire.privateConv(12, ALICE, 5, 1));
        assertThat(conv.readSeq()).as("cursors never move back").isEqualTo(3);
    }

    @Test
    void aReplacedMessageTakesTheOldOnesPlaceAndOnlyAHeldOneIsReplaced() {
        conv.accept(msg(12, 1, ALICE, "one"));
        conv.accept(msg(12, 2, ALICE, "two"));

        assertThat(conv.replaceStored(msg(12, 1, ALICE, "[recalled]"))).isTrue();
        assertThat(conv.replaceStored(msg(12, 7, ALICE, "never held"))).isFalse();

        assertThat(conv.messages()).extracting(ChatMessage::text).containsExactly("[recalled]", "two");
    }
}
