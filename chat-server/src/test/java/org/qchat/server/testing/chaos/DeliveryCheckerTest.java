package org.qchat.server.testing.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.SystemEvent;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.server.testing.chaos.DeliveryChecker.Conversation;
import org.qchat.server.testing.chaos.DeliveryChecker.Kind;
import org.qchat.server.testing.chaos.DeliveryChecker.Sent;
import org.qchat.server.testing.chaos.DeliveryChecker.Violation;

/** The crash test's judge, on hand-made outcomes: it must notice each way delivery can go wrong. */
class DeliveryCheckerTest {

    private static final long ALICE = 11;
    private static final long BOB = 12;
    private static final long CONV = 7;

    private final List<MessageInfo> stored = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final ReceivedMessages alice = new ReceivedMessages();
    private final ReceivedMessages bob = new ReceivedMessages();

    private static MessageInfo message(long seq, long sender, String clientMsgId) {
        return new MessageInfo(100 + seq, CONV, seq, sender, clientMsgId, "text " + clientMsgId, 5_000 + seq);
    }

    private static MessageSent ackOf(MessageInfo m) {
        return new MessageSent("r" + m.seq(), m.clientMsgId(), m.msgId(), m.convId(), m.seq(), m.time());
    }

    /** Stores, acknowledges to its sender and delivers to both members. */
    private MessageInfo delivered(long seq, long sender, String clientMsgId) {
        MessageInfo m = message(seq, sender, clientMsgId);
        stored.add(m);
        sent.add(new Sent(sender, CONV, clientMsgId, m.text(), List.of(ackOf(m)), null));
        assertThat(alice.hold(m)).isEmpty();
        assertThat(bob.hold(m)).isEmpty();
        return m;
    }

    private List<Violation> check() {
        return DeliveryChecker.check(List.of(new Conversation(CONV, Set.of(ALICE, BOB), stored)), sent,
                Map.of(ALICE, alice, BOB, bob));
    }

    private List<Kind> kinds() {
        return check().stream().map(Violation::kind).toList();
    }

    @Test
    void aRunWhereEveryAckedMessageIsStoredOnceAndHeldByEveryMemberHasNoViolation() {
        delivered(1, ALICE, "a1");
        delivered(2, BOB, "b1");
        delivered(3, ALICE, "a2");

        assertThat(check()).isEmpty();
    }

    @Test
    void anAcknowledgedMessageThatIsNotStoredIsLost() {
        delivered(1, ALICE, "a1");
        MessageInfo ghost = message(2, ALICE, "a2");
        sent.add(new Sent(ALICE, CONV, "a2", ghost.text(), List.of(ackOf(ghost)), null));

        assertThat(kinds()).containsExactly(Kind.LOST_ACKED);
    }

    @Test
    void anEarlyAckWithoutSeqForAMessageThatWasNeverWrittenIsLostToo() {
        delivered(1, ALICE, "a1");
        sent.add(new Sent(ALICE, CONV, "a2", "text a2", List.of(new MessageSent("r", "a2", 0, CONV, 0, 0)), null));

        assertThat(kinds()).containsExactly(Kind.LOST_ACKED);
    }

    @Test
    void aResendStoredASecondTimeIsADuplicate() {
        delivered(1, ALICE, "a1");
        MessageInfo again = new MessageInfo(102, CONV, 2, ALICE, "a1", "text a1", 5_002);
        stored.add(again);
        alice.hold(again);
        bob.hold(again);

        assertThat(kinds()).containsExactly(Kind.DUPLICATE_STORED);
    }

    @Test
    void anAckThatDiffersFromTheStoredMessageIsAMismatch() {
        MessageInfo m = delivered(1, ALICE, "a1");
        sent.set(0, new Sent(ALICE, CONV, "a1", m.text(),
                List.of(ackOf(m), new MessageSent("r9", "a1", m.msgId(), CONV, 9, m.time())), null));

        assertThat(kinds()).containsExactly(Kind.ACK_MISMATCH);
    }

    @Test
    void storedSeqsWithAHoleAreAGap() {
        delivered(1, ALICE, "a1");
        MessageInfo third = message(3, BOB, "b1");
        stored.add(third);
        sent.add(new Sent(BOB, CONV, "b1", third.text(), List.of(ackOf(third)), null));
        alice.hold(third);
        bob.hold(third);

        assertThat(kinds()).containsExactly(Kind.SEQ_GAP);
    }

    @Test
    void aMemberWhoLacksAMessageOrHoldsAnotherOneIsReported() {
        delivered(1, ALICE, "a1");
        MessageInfo second = message(2, ALICE, "a2");
        stored.add(second);
        sent.add(new Sent(ALICE, CONV, "a2", second.text(), List.of(ackOf(second)), null));
        alice.hold(second);
        bob.hold(new MessageInfo(999, CONV, 2, ALICE, "other", "other", 1));
        bob.hold(message(3, ALICE, "phantom"));

        assertThat(kinds()).containsExactly(Kind.WRONG_COPY, Kind.WRONG_COPY);

        ReceivedMessages carol = new ReceivedMessages();
        List<Violation> violations = DeliveryChecker.check(
                List.of(new Conversation(CONV, Set.of(ALICE, 13L), stored)), sent, Map.of(ALICE, alice, 13L, carol));
        assertThat(violations).extracting(Violation::kind).containsExactly(Kind.NOT_DELIVERED, Kind.NOT_DELIVERED);
    }

    @Test
    void aGroupsSystemLinesNeedNoSenderButStillTakeTheirSeqs() {
        MessageInfo created = new MessageInfo(101, CONV, 1, ALICE, "sys:1", "Alice created the group", 5_001,
                MessageKind.SYSTEM, null, null, null, null, null, SystemEvent.of("created", ALICE, null));
        stored.add(created);
        alice.hold(created); // Bob joined after it: his window starts later
        delivered(2, BOB, "b1");

        assertThat(check()).isEmpty();

        stored.add(new MessageInfo(104, CONV, 4, ALICE, "sys:4", "Alice left the group", 5_004,
                MessageKind.SYSTEM, null, null, null, null, null, SystemEvent.of("left", ALICE, ALICE)));
        assertThat(kinds()).as("a line is still a seq of the conversation").containsExactly(Kind.SEQ_GAP);
    }

    @Test
    void aStoredMessageThatWasNotSentOrWhoseTextChangedIsReported() {
        delivered(1, ALICE, "a1");
        MessageInfo invented = message(2, BOB, "never");
        stored.add(invented);
        alice.hold(invented);
        bob.hold(invented);
        MessageInfo altered = message(3, BOB, "b1");
        stored.add(altered);
        sent.add(new Sent(BOB, CONV, "b1", "what bob typed", List.of(ackOf(altered)), null));
        alice.hold(altered);
        bob.hold(altered);

        assertThat(kinds()).containsExactly(Kind.NOT_SENT_AS_STORED, Kind.NOT_SENT_AS_STORED);
    }

    @Test
    void aMessageLeftWithoutAckOrRefusedIsReported() {
        delivered(1, ALICE, "a1");
        sent.add(new Sent(ALICE, CONV, "a2", "text a2", List.of(), null));
        sent.add(new Sent(ALICE, CONV, "a3", "text a3", List.of(), ErrorCode.FORBIDDEN));

        assertThat(kinds()).containsExactly(Kind.UNRESOLVED, Kind.REFUSED);
    }

    @Test
    void aDeviceNoticesTwoCopiesOfOneSeqThatDisagreeAndKnowsWhereItsGapStarts() {
        ReceivedMessages device = new ReceivedMessages();
        device.hold(message(1, ALICE, "a1"));
        device.hold(message(3, ALICE, "a3"));
        assertThat(device.contiguousSeq(CONV)).isEqualTo(1);
        assertThat(device.highestSeq(CONV)).isEqualTo(3);

        assertThat(device.hold(message(1, ALICE, "a1"))).as("the same message again is merged").isEmpty();
        assertThat(device.hold(new MessageInfo(555, CONV, 3, BOB, "b9", "x", 1))).isPresent();
        assertThat(device.hold(message(2, ALICE, "a2"))).isEmpty();
        assertThat(device.contiguousSeq(CONV)).isEqualTo(3);
        assertThat(device.hold(message(500, ALICE, "far"))).isEmpty();
        assertThat(device.msgIdAt(CONV, 500)).isEqualTo(600);
    }

    @Test
    void aDeviceWhoseWindowStartsLaterCountsItsSeqsFromThere() {
        ReceivedMessages device = new ReceivedMessages();
        device.startAt(CONV, 4);
        assertThat(device.contiguousSeq(CONV)).isEqualTo(3);

        device.hold(message(5, ALICE, "a5"));
        assertThat(device.contiguousSeq(CONV)).as("seq 4 is still missing").isEqualTo(3);
        device.hold(message(4, ALICE, "a4"));
        assertThat(device.contiguousSeq(CONV)).isEqualTo(5);
        assertThat(device.msgIdAt(CONV, 2)).isZero();
    }
}
