package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.msg;
import static org.qchat.client.testing.Wire.user;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.client.core.history.H2LocalHistory;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.client.testing.WaitingHistory;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.MessageHistory;
import org.qchat.protocol.packet.MessagePage;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.PullMessages;

/**
 * The client with a real local history file and the test playing the server: what was kept shows
 * at once, only what is missing is asked for, and a gap in what was kept is fetched, not skipped.
 */
class KeptHistoryTest {

    private static final UserInfo ME = user(1, "Alice");
    private static final long CONV = 12;
    private static final long BOB = 2;

    @TempDir
    Path dir;
    private ClientHarness h;
    private H2LocalHistory disk;

    @BeforeEach
    void harness() {
        h = new ClientHarness(dir, Runnable::run, (account, userId) -> new WaitingHistory(disk));
    }

    @AfterEach
    void close() {
        h.client.close();
    }

    private void keptBeforeThisRun(List<MessageInfo> messages, ConversationInfo info) throws Exception {
        H2LocalHistory earlier = new H2LocalHistory(dir.resolve("history"));
        earlier.store(messages).get(10, TimeUnit.SECONDS);
        earlier.storeConversations(List.of(info)).get(10, TimeUnit.SECONDS);
        earlier.close();
        disk = new H2LocalHistory(dir.resolve("history"));
    }

    private static List<MessageInfo> fromBob(long from, long to) {
        List<MessageInfo> out = new ArrayList<>();
        LongStream.rangeClosed(from, to).forEach(s -> out.add(msg(CONV, s, BOB, "m" + s)));
        return out;
    }

    private static <T> T done(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private List<Long> shownSeqs() {
        return h.client.conversations().get(CONV).orElseThrow().messages().stream().map(ChatMessage::seq).toList();
    }

    private List<Long> seqsOf(List<MessageInfo> messages) {
        return messages.stream().map(MessageInfo::seq).toList();
    }

    @Test
    void whatWasKeptShowsBeforeTheServerAnswersAndOnlyNewerMessagesArePulled() throws Exception {
        keptBeforeThisRun(fromBob(1, 40), Wire.privateConv(CONV, BOB, 40, 40));

        h.startLogin("alice", false);
        h.answer(org.qchat.protocol.packet.Login.class, r -> ClientHarness.session(r.id(), ME));

        // No sync.state yet: the chat and its cursors come from the disk.
        Conversation conv = h.client.conversations().get(CONV).orElseThrow();
        assertThat(shownSeqs()).isEqualTo(LongStream.rangeClosed(11, 40).boxed().toList());
        assertThat(conv.peerId()).isEqualTo(BOB);
        assertThat(conv.unreadCount()).isZero();

        h.answerBootstrap(List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(),
                List.of(Wire.privateConv(CONV, BOB, 43, 40)));
        PullMessages pull = h.answer(PullMessages.class,
                r -> new MessagePage(r.id(), CONV, fromBob(41, 43), false));

        assertThat(pull.afterSeq()).isEqualTo(40);
        assertThat(h.hasUnanswered(MessageHistory.class)).isFalse();
        assertThat(conv.unreadCount()).isEqualTo(3);
        assertThat(seqsOf(done(disk.range(CONV, 41, 43, 10)))).containsExactly(41L, 42L, 43L);
    }

    @Test
    void loadingOlderFetchesTheGapInWhatWasKeptThenReadsTheDiskAgain() throws Exception {
        List<MessageInfo> kept = fromBob(1, 50);
        kept.addAll(fromBob(80, 90));
        keptBeforeThisRun(kept, Wire.privateConv(CONV, BOB, 90, 90));
        h.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(), List.of(Wire.privateConv(CONV, BOB, 90, 90)));
        assertThat(shownSeqs()).isEqualTo(LongStream.rangeClosed(80, 90).boxed().toList());
        assertThat(h.hasUnanswered(PullMessages.class)).isFalse();

        CompletableFuture<Boolean> first = h.client.loadOlder(CONV);
        MessageHistory asked = h.answer(MessageHistory.class,
                r -> new MessagePage(r.id(), CONV, fromBob(50, 79), true));

        assertThat(asked.beforeSeq()).isEqualTo(80L);
        assertThat(done(first)).isTrue();
        assertThat(shownSeqs()).isEqualTo(LongStream.rangeClosed(50, 90).boxed().toList());
        assertThat(seqsOf(done(disk.range(CONV, 51, 79, 100)))).hasSize(29);

        int historyRequests = h.transport().sent(MessageHistory.class).size();
        assertThat(done(h.client.loadOlder(CONV))).isTrue();
        assertThat(h.transport().sent(MessageHistory.class)).hasSize(historyRequests);
        assertThat(shownSeqs()).isEqualTo(LongStream.rangeClosed(20, 90).boxed().toList());

        assertThat(done(h.client.loadOlder(CONV))).isFalse();
        assertThat(shownSeqs().get(0)).isEqualTo(1L);
        assertThat(h.transport().sent(MessageHistory.class)).hasSize(historyRequests);
    }

    @Test
    void pushedAndOlderPagesAreKeptAndTheServerIsAskedForOlderOnlyBeyondTheDisk() throws Exception {
        disk = new H2LocalHistory(dir.resolve("history"));
        // Everything read on another device: this one shows the newest page, nothing to catch up on.
        ConversationInfo read = new ConversationInfo(CONV, ConversationKind.PRIVATE, BOB, null, 5, 5, true, 5L, null, null);
        h.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(), List.of(read));
        h.answer(MessageHistory.class, r -> new MessagePage(r.id(), CONV, fromBob(5, 5), true));
        h.transport().receive(new MessagePush(msg(CONV, 6, BOB, "pushed")));

        CompletableFuture<Boolean> older = h.client.loadOlder(CONV);
        MessageHistory asked = h.answer(MessageHistory.class, r -> new MessagePage(r.id(), CONV, fromBob(1, 4), false));

        assertThat(asked.beforeSeq()).isEqualTo(5L);
        assertThat(done(older)).isFalse();
        assertThat(seqsOf(done(disk.before(CONV, null, 100)))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aMessageFoundFarBackIsShownWithItsContextJoinedToTheNewestWithoutAHole() throws Exception {
        List<MessageInfo> kept = fromBob(1, 200);
        kept.set(99, msg(CONV, 100, BOB, "Project Phoenix 项目组"));
        keptBeforeThisRun(kept, Wire.privateConv(CONV, BOB, 200, 200));
        h.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(), List.of(Wire.privateConv(CONV, BOB, 200, 200)));

        List<MessageInfo> found = done(h.client.searchHistory("项目"));
        assertThat(found).extracting(MessageInfo::seq).containsExactly(100L);
        done(h.client.loadAround(CONV, 100));

        assertThat(shownSeqs()).isEqualTo(LongStream.rangeClosed(85, 200).boxed().toList());
        assertThat(h.hasUnanswered(MessageHistory.class)).isFalse();
    }

    @Test
    void aMessageFoundBeyondAGapInWhatWasKeptIsJoinedToTheNewestByAskingTheServerForTheGap() throws Exception {
        List<MessageInfo> kept = fromBob(1, 50);
        kept.set(39, msg(CONV, 40, BOB, "项目 kickoff"));
        kept.addAll(fromBob(80, 200));
        keptBeforeThisRun(kept, Wire.privateConv(CONV, BOB, 200, 200));
        h.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(), List.of(Wire.privateConv(CONV, BOB, 200, 200)));

        CompletableFuture<Void> around = h.client.loadAround(CONV, 40);
        MessageHistory asked = h.answer(MessageHistory.class, r -> new MessagePage(r.id(), CONV,
                fromBob(r.beforeSeq() - r.limit(), r.beforeSeq() - 1), true));
        done(around);

        assertThat(asked.beforeSeq()).isEqualTo(80L);
        assertThat(asked.beforeSeq() - asked.limit()).isLessThanOrEqualTo(51L);
        assertThat(h.hasUnanswered(MessageHistory.class)).isFalse();
        assertThat(shownSeqs()).isEqualTo(LongStream.rangeClosed(25, 200).boxed().toList());
        assertThat(seqsOf(done(disk.range(CONV, 51, 79, 100)))).hasSize(29);
    }

    @Test
    void aHistoryKeptFromAServerStartedAfreshAtTheSameAddressIsForgottenAndTheServersMessagesFetched() throws Exception {
        keptBeforeThisRun(fromBob(1, 40), Wire.privateConv(CONV, BOB, 40, 40));

        h.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(), List.of(Wire.privateConv(CONV, BOB, 3, 0)));
        PullMessages pull = h.answer(PullMessages.class, r -> new MessagePage(r.id(), CONV,
                List.of(msg(CONV, 1, BOB, "new one"), msg(CONV, 2, BOB, "new two"), msg(CONV, 3, BOB, "new three")), false));

        assertThat(pull.afterSeq()).isZero();
        assertThat(h.client.conversations().get(CONV).orElseThrow().messages()).extracting(ChatMessage::text)
                .containsExactly("new one", "new two", "new three");
        assertThat(h.client.conversations().get(CONV).orElseThrow().unreadCount()).isEqualTo(3);
        assertThat(seqsOf(done(disk.before(CONV, null, 100)))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aRecalledMessageLosesItsWordsOnScreenAndOnDisk() throws Exception {
        keptBeforeThisRun(fromBob(1, 3), Wire.privateConv(CONV, BOB, 3, 3));
        h.loginAs(ME, List.of(Wire.friend(BOB, "Bob", true, CONV)), List.of(), List.of(Wire.privateConv(CONV, BOB, 3, 3)));

        h.client.erase(CONV, 2, BOB);

        Conversation conv = h.client.conversations().get(CONV).orElseThrow();
        assertThat(conv.stored(2).orElseThrow().text()).isEqualTo(MessageInfo.RECALLED_TEXT);
        assertThat(done(disk.search("m2", 10))).isEmpty();
        assertThat(done(disk.range(CONV, 2, 2, 1)).get(0).recalledBy()).isEqualTo(BOB);
    }
}
