package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.server.testing.TestClient.PASSWORD;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.PacketMapper;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.AckCursor;
import org.qchat.protocol.packet.MessagePage;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SyncState;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.TestClient;

/** One-to-one messages: delivery online and offline, acks, dedup, limits. */
abstract class PrivateChatContract extends ServerContract {

    protected PrivateChatContract(Backend backend) {
        super(backend);
    }

    static ConversationInfo conversation(SyncState state, long convId) {
        return state.conversations().stream().filter(c -> c.convId() == convId).findFirst()
                .orElseThrow(() -> new AssertionError("conversation " + convId + " not in " + state));
    }

    static List<Long> seqs(List<MessageInfo> messages) {
        return messages.stream().map(MessageInfo::seq).toList();
    }

    static List<Long> range(long fromInclusive, long toInclusive) {
        return LongStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }

    @Test
    void anOnlineRecipientGetsEachMessageAsAPushWithConsecutiveSeqs() {
        TestClient alice = newUser("on");
        TestClient bob = newUser("on");
        long conv = befriend(alice, bob);

        List<MessageSent> acks = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            acks.add(alice.sendText(conv, "on-" + i + "-" + Names.msgId(), "hello " + i + " 你好 😀"));
        }

        assertThat(acks).extracting(MessageSent::seq).containsExactly(1L, 2L, 3L);
        assertThat(acks.get(1).msgId()).isGreaterThan(acks.get(0).msgId());
        assertThat(acks.get(2).msgId()).isGreaterThan(acks.get(1).msgId());
        List<MessagePush> pushes = bob.awaitPushes(MessagePush.class, p -> p.message().convId() == conv, 3,
                Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            MessageInfo m = pushes.get(i).message();
            MessageSent ack = acks.get(i);
            assertThat(m.seq()).isEqualTo(i + 1);
            assertThat(m.msgId()).isEqualTo(ack.msgId());
            assertThat(m.time()).isEqualTo(ack.time());
            assertThat(m.clientMsgId()).isEqualTo(ack.clientMsgId());
            assertThat(m.senderId()).isEqualTo(alice.userId());
            assertThat(m.text()).isEqualTo("hello " + (i + 1) + " 你好 😀");
        }
        assertThat(alice.takePushes(MessagePush.class, p -> true))
                .as("the sending connection gets msg.sent, not a push of its own message").isEmpty();
    }

    @Test
    void anOfflineRecipientGetsMessagesOnNextSyncInSeqOrderAndAckDeletesNothing() {
        TestClient bob = server.connect();
        bob.register(Names.unique("off"), PASSWORD, null, "bob-phone");
        TestClient alice = newUser("off");
        long conv = befriend(alice, bob);
        bob.close();
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String id = Names.msgId();
            sent.add(id);
            alice.sendText(conv, id, "offline " + i);
        }

        TestClient bobAgain = server.login(bob.username(), PASSWORD, "bob-phone");
        ConversationInfo before = conversation(bobAgain.sync(), conv);
        assertThat(before.kind()).isEqualTo(ConversationKind.PRIVATE);
        assertThat(before.peerId()).isEqualTo(alice.userId());
        assertThat(before.active()).isTrue();
        assertThat(before.lastSeq()).isEqualTo(5);
        assertThat(before.ackSeq()).isZero();

        MessagePage page = bobAgain.pull(conv, before.ackSeq(), null);
        assertThat(page.more()).isFalse();
        assertThat(seqs(page.messages())).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(page.messages()).extracting(MessageInfo::clientMsgId).containsExactlyElementsOf(sent);
        assertThat(page.messages()).extracting(MessageInfo::text)
                .containsExactly("offline 1", "offline 2", "offline 3", "offline 4", "offline 5");

        bobAgain.ack(conv, 5);

        ConversationInfo after = conversation(bobAgain.sync(), conv);
        assertThat(after.ackSeq()).isEqualTo(5);
        assertThat(after.lastSeq()).isEqualTo(5);
        assertThat(seqs(bobAgain.history(conv, null, null).messages())).as("acking deletes nothing")
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(seqs(bobAgain.pull(conv, 0, null).messages())).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void theCursorOnlyMovesForwardAndCannotPassTheLastSeq() {
        TestClient alice = newUser("cur");
        TestClient bob = newUser("cur");
        TestClient stranger = newUser("cur");
        long conv = befriend(alice, bob);
        for (int i = 0; i < 3; i++) {
            alice.sendText(conv, Names.msgId(), "m" + i);
        }

        bob.ack(conv, 3);
        bob.ack(conv, 1);

        assertThat(conversation(bob.sync(), conv).ackSeq()).isEqualTo(3);
        bob.expectError(new AckCursor(bob.nextId(), conv, 4), ErrorCode.BAD_REQUEST);
        stranger.expectError(new AckCursor(stranger.nextId(), conv, 1), ErrorCode.FORBIDDEN);
        assertThat(conversation(bob.sync(), conv).ackSeq()).isEqualTo(3);
    }

    @Test
    void aResentClientMsgIdReturnsTheOriginalAckAndStoresOneMessage() {
        TestClient alice = newUser("dup");
        TestClient bob = newUser("dup");
        long conv = befriend(alice, bob);
        String clientMsgId = Names.msgId();

        MessageSent first = alice.sendText(conv, clientMsgId, "once");
        MessageSent second = alice.sendText(conv, clientMsgId, "once");
        MessageSent third = alice.sendText(conv, clientMsgId, "different text, same id");

        assertThat(second).usingRecursiveComparison().ignoringFields("id").isEqualTo(first);
        assertThat(third).usingRecursiveComparison().ignoringFields("id").isEqualTo(first);
        bob.awaitMessage(conv, clientMsgId);
        String next = Names.msgId();
        assertThat(alice.sendText(conv, next, "next").seq()).isEqualTo(2);
        bob.awaitMessage(conv, next);
        assertThat(bob.takePushes(MessagePush.class, p -> p.message().clientMsgId().equals(clientMsgId)))
                .as("a resend is not pushed again").isEmpty();
        assertThat(bob.pullAll(conv, 0)).extracting(MessageInfo::clientMsgId).containsExactly(clientMsgId, next);
    }

    @Test
    void reusingAClientMsgIdInAnotherConversationIsAConflict() {
        TestClient alice = newUser("dupc");
        TestClient bob = newUser("dupc");
        TestClient carol = newUser("dupc");
        long withBob = befriend(alice, bob);
        long withCarol = befriend(alice, carol);
        String clientMsgId = Names.msgId();
        alice.sendText(withBob, clientMsgId, "to bob");

        alice.expectError(new SendMessage(alice.nextId(), withCarol, clientMsgId, "to carol"), ErrorCode.CONFLICT);

        assertThat(carol.pullAll(withCarol, 0)).isEmpty();
        assertThat(carol.sendText(withCarol, clientMsgId, "another sender may use the same id").seq()).isEqualTo(1);
    }

    @Test
    void textAndClientMsgIdLimitsAreEnforcedAndARejectedMessageLeavesNoTrace() {
        TestClient alice = newUser("lim");
        TestClient bob = newUser("lim");
        long conv = befriend(alice, bob);
        String clientMsgId = Names.msgId();

        alice.expectError(new SendMessage(alice.nextId(), conv, clientMsgId, ""), ErrorCode.BAD_REQUEST);
        alice.expectError(new SendMessage(alice.nextId(), conv, clientMsgId, "x".repeat(4001)), ErrorCode.TOO_LARGE);
        alice.expectError(new SendMessage(alice.nextId(), conv, clientMsgId, "汉".repeat(4001)), ErrorCode.TOO_LARGE);
        alice.expectError(new SendMessage(alice.nextId(), conv, "", "hi"), ErrorCode.BAD_REQUEST);
        alice.expectError(new SendMessage(alice.nextId(), conv, "c".repeat(65), "hi"), ErrorCode.BAD_REQUEST);

        assertThat(conversation(bob.sync(), conv).lastSeq()).isZero();
        assertThat(bob.pullAll(conv, 0)).isEmpty();

        // 4000 emoji are 8000 UTF-16 chars but 4000 code points: the maximum.
        String longest = "😀".repeat(4000);
        MessageSent sent = alice.sendText(conv, clientMsgId, longest);
        assertThat(sent.seq()).as("the rejected attempts did not use up the clientMsgId or a seq").isEqualTo(1);
        assertThat(alice.sendText(conv, "c".repeat(64), "x".repeat(4000)).seq()).isEqualTo(2);
        assertThat(bob.pullAll(conv, 0)).extracting(MessageInfo::text).containsExactly(longest, "x".repeat(4000));
    }

    @Test
    void historyPagesBackwardsBySeqAndPullPagesForward() {
        TestClient alice = newUser("page");
        TestClient bob = newUser("page");
        long conv = befriend(alice, bob);
        for (int i = 1; i <= 12; i++) {
            alice.sendText(conv, Names.msgId(), "page " + i);
        }

        MessagePage newest = bob.history(conv, null, 5);
        assertThat(seqs(newest.messages())).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(newest.more()).isTrue();
        MessagePage middle = bob.history(conv, 8L, 5);
        assertThat(seqs(middle.messages())).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(middle.more()).isTrue();
        MessagePage oldest = bob.history(conv, 3L, 5);
        assertThat(seqs(oldest.messages())).containsExactly(1L, 2L);
        assertThat(oldest.more()).isFalse();
        MessagePage exact = bob.history(conv, 6L, 5);
        assertThat(seqs(exact.messages())).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(exact.more()).as("nothing older than seq 1").isFalse();
        assertThat(bob.history(conv, 1L, 5).messages()).isEmpty();

        MessagePage first = bob.pull(conv, 0, 5);
        assertThat(seqs(first.messages())).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(first.more()).isTrue();
        MessagePage last = bob.pull(conv, 7, 5);
        assertThat(seqs(last.messages())).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(last.more()).as("exactly the rest").isFalse();
        MessagePage beyond = bob.pull(conv, 12, 5);
        assertThat(beyond.messages()).isEmpty();
        assertThat(beyond.more()).isFalse();
        assertThat(bob.pull(conv, 0, null).messages()).extracting(MessageInfo::text).first().isEqualTo("page 1");
    }

    @Test
    void aClientThatDropsMidConversationGetsEveryMessageExactlyOnceAfterResuming() throws Exception {
        int total = 200;
        TestClient alice = newUser("drop");
        TestClient bob = server.connect();
        bob.register(Names.unique("drop"), PASSWORD, null, "bob-laptop");
        long conv = befriend(alice, bob);
        String token = bob.token();
        List<MessageSent> acks = new ArrayList<>();
        Thread sender = new Thread(() -> {
            for (int i = 1; i <= total; i++) {
                acks.add(alice.sendText(conv, "drop-" + i + "-" + conv, "message " + i));
            }
        }, "alice-sender");
        List<Throwable> senderFailure = new ArrayList<>();
        sender.setUncaughtExceptionHandler((t, e) -> senderFailure.add(e));

        sender.start();
        List<MessageInfo> received = new ArrayList<>();
        bob.awaitPushes(MessagePush.class, p -> p.message().convId() == conv, 50, Duration.ofSeconds(30))
                .forEach(p -> received.add(p.message()));
        bob.closeAbruptly();
        bob.takePushes(MessagePush.class, p -> p.message().convId() == conv).forEach(p -> received.add(p.message()));
        TestClient resumed = server.connect();
        resumed.resume(token, null);
        assertThat(resumed.device()).isEqualTo("bob-laptop");
        sender.join(Duration.ofSeconds(60).toMillis());
        assertThat(senderFailure).isEmpty();
        assertThat(sender.isAlive()).isFalse();

        long highestContiguous = 0;
        for (MessageInfo m : received) {
            assertThat(m.seq()).as("pushes arrive in seq order").isEqualTo(highestContiguous + 1);
            highestContiguous = m.seq();
        }
        ConversationInfo state = conversation(resumed.sync(), conv);
        assertThat(state.lastSeq()).isEqualTo(total);
        assertThat(state.ackSeq()).isZero();
        received.addAll(resumed.pullAll(conv, highestContiguous));
        resumed.takePushes(MessagePush.class, p -> p.message().convId() == conv).forEach(p -> received.add(p.message()));
        resumed.ack(conv, total);

        List<MessageInfo> bySeq = new ArrayList<>();
        for (MessageInfo m : received) {
            int index = (int) m.seq() - 1;
            while (bySeq.size() <= index) {
                bySeq.add(null);
            }
            if (bySeq.get(index) != null) {
                assertThat(m).as("a message received twice is the same message").isEqualTo(bySeq.get(index));
            }
            bySeq.set(index, m);
        }
        assertThat(bySeq).hasSize(total).doesNotContainNull();
        for (int i = 0; i < total; i++) {
            MessageInfo m = bySeq.get(i);
            assertThat(m.seq()).isEqualTo(i + 1);
            assertThat(m.clientMsgId()).isEqualTo("drop-" + (i + 1) + "-" + conv);
            assertThat(m.msgId()).isEqualTo(acks.get(i).msgId());
        }
        assertThat(conversation(resumed.sync(), conv).ackSeq()).isEqualTo(total);
    }

    @Test
    void aPullPageHoldsAtMostTheDefaultFiftyMessagesAndTheRequestedLimit() {
        TestClient alice = newUser("big");
        TestClient bob = newUser("big");
        long conv = befriend(alice, bob);
        for (int i = 1; i <= 60; i++) {
            alice.sendText(conv, Names.msgId(), "bulk " + i);
        }

        MessagePage page = bob.pull(conv, 0, null);
        assertThat(seqs(page.messages())).containsExactlyElementsOf(range(1, 50));
        assertThat(page.more()).isTrue();
        MessagePage rest = bob.pull(conv, 50, 200);
        assertThat(seqs(rest.messages())).containsExactlyElementsOf(range(51, 60));
        assertThat(rest.more()).isFalse();
        assertThat(seqs(bob.history(conv, null, null).messages())).containsExactlyElementsOf(range(11, 60));
    }

    @Test
    void aPageIsCutShortToKeepItsFrameUnderTheLimitAndSaysMore() {
        TestClient alice = newUser("fat");
        TestClient bob = newUser("fat");
        long conv = befriend(alice, bob);
        String fat = "😀".repeat(4000); // 16,000 UTF-8 bytes: 20 of them cannot share one 256 KiB frame
        for (int i = 1; i <= 20; i++) {
            alice.sendText(conv, "fat-" + i + "-" + conv, fat);
        }
        PacketMapper mapper = new PacketMapper();

        MessagePage first = bob.pull(conv, 0, 200);

        assertThat(first.more()).isTrue();
        assertThat(first.messages()).isNotEmpty().hasSizeLessThan(20);
        assertThat(mapper.write(first).length).isLessThanOrEqualTo(FrameCodec.DEFAULT_MAX_FRAME_LENGTH);
        List<MessageInfo> all = new ArrayList<>(first.messages());
        all.addAll(bob.pullAll(conv, first.messages().get(first.messages().size() - 1).seq()));
        assertThat(seqs(all)).containsExactlyElementsOf(range(1, 20));
        assertThat(all).allSatisfy(m -> assertThat(m.text()).isEqualTo(fat));
        MessagePage newest = bob.history(conv, null, 200);
        assertThat(newest.more()).isTrue();
        assertThat(mapper.write(newest).length).isLessThanOrEqualTo(FrameCodec.DEFAULT_MAX_FRAME_LENGTH);
        assertThat(newest.messages().get(newest.messages().size() - 1).seq()).as("history keeps the newest").isEqualTo(20);
    }
}
