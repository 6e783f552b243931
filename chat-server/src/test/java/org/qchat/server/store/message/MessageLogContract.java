package org.qchat.server.store.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Quote;
import org.qchat.protocol.model.SystemEvent;
import org.qchat.server.store.message.MessageLog.Append;
import org.qchat.server.store.message.MessageLog.ClientKey;

/**
 * What every {@link MessageLog} must do, through its interface only. A subclass says how to open
 * one ({@link #open()}) and how to close and open it again on the same storage ({@link #reopen()});
 * a store whose rows need existing conversations and users (foreign keys) overrides
 * {@link #newConversation()} and {@link #newUser()} to create them. Assertions on heads look only at
 * the test's own conversations, so storage shared between tests (one database schema) is fine as
 * long as those hooks hand out ids no other test uses.
 */
public abstract class MessageLogContract {

    private static final long TIME = 1_718_000_000_000L;

    protected MessageLog log;
    private long nextConversation = 1_000;
    private long nextUser = 5_000;
    private int nextClientId;

    /** A new, empty log. Called before each test. */
    protected abstract MessageLog open() throws Exception;

    /** Closes the log {@link #open()} (or the last reopen) returned and opens it again on the same storage. */
    protected abstract MessageLog reopen() throws Exception;

    /** A conversation id the store accepts messages for, different on every call. */
    protected long newConversation() throws Exception {
        return nextConversation++;
    }

    /** A user id the store accepts as a sender, different on every call. */
    protected long newUser() throws Exception {
        return nextUser++;
    }

    @BeforeEach
    void openLog() throws Exception {
        log = open();
    }

    @AfterEach
    void closeLog() {
        if (log != null) {
            log.close();
        }
    }

    @Test
    void aBatchGetsIncreasingIdsAndKeepsEveryGivenField() throws Exception {
        long a = newConversation();
        long b = newConversation();
        long alice = newUser();
        long bob = newUser();
        List<Append> batch = List.of(
                new Append(a, 1, alice, "c-1", "hello", TIME),
                new Append(b, 1, bob, "c-2", "你好 😀", TIME + 1),
                new Append(a, 2, bob, "c-3", "", TIME + 2));

        List<MessageInfo> stored = log.append(batch);

        assertThat(stored).hasSize(3);
        assertThat(stored).extracting(MessageInfo::msgId).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < batch.size(); i++) {
            Append in = batch.get(i);
            assertThat(stored.get(i)).isEqualTo(new MessageInfo(stored.get(i).msgId(), in.convId(), in.seq(),
                    in.senderId(), in.clientMsgId(), in.text(), in.time()));
        }
        assertThat(log.append(List.of(new Append(a, 3, alice, "c-4", "next", TIME))).get(0).msgId())
                .isGreaterThan(stored.get(2).msgId());
    }

    @Test
    void anEmptyBatchStoresNothing() {
        Map<Long, Long> before = heads();

        assertThat(log.append(List.of())).isEmpty();

        assertThat(heads()).isEqualTo(before);
    }

    @Test
    void rangeReturnsAscendingSeqsWithinTheBoundsUpToTheLimit() throws Exception {
        long conv = newConversation();
        List<MessageInfo> stored = appendMessages(conv, newUser(), 1, 20);

        assertThat(log.range(conv, 1, 20, 100)).isEqualTo(stored);
        assertThat(log.range(conv, 5, 9, 100)).isEqualTo(stored.subList(4, 9));
        assertThat(log.range(conv, 5, 20, 3)).isEqualTo(stored.subList(4, 7));
        assertThat(log.range(conv, 18, Long.MAX_VALUE, 50)).isEqualTo(stored.subList(17, 20));
        assertThat(log.range(conv, 0, 2, 50)).isEqualTo(stored.subList(0, 2));
    }

    @Test
    void rangeIsEmptyOutsideTheStoredSeqs() throws Exception {
        long conv = newConversation();
        appendMessages(conv, newUser(), 1, 5);

        assertThat(log.range(conv, 6, 100, 50)).isEmpty();
        assertThat(log.range(conv, 4, 3, 50)).isEmpty();
        assertThat(log.range(conv, 1, 5, 0)).isEmpty();
        assertThat(log.range(newConversation(), 1, 100, 50)).isEmpty();
    }

    @Test
    void rangeOfAConversationInterleavedWithOthersReturnsOnlyItsOwnMessages() throws Exception {
        long[] convs = {newConversation(), newConversation(), newConversation()};
        long sender = newUser();
        Map<Long, List<MessageInfo>> byConv = new HashMap<>();
        for (int round = 1; round <= 10; round++) {
            List<Append> batch = new ArrayList<>();
            for (long conv : convs) {
                batch.add(new Append(conv, round, sender, clientId(), "m" + conv + "-" + round, TIME + round));
            }
            for (MessageInfo m : log.append(batch)) {
                byConv.computeIfAbsent(m.convId(), k -> new ArrayList<>()).add(m);
            }
        }

        for (long conv : convs) {
            assertThat(log.range(conv, 1, 10, 10)).isEqualTo(byConv.get(conv));
            assertThat(log.range(conv, 4, 6, 10)).isEqualTo(byConv.get(conv).subList(3, 6));
        }
    }

    @Test
    void findByClientIdsFindsStoredKeysAndReportsFreshOnesAbsent() throws Exception {
        long conv = newConversation();
        long alice = newUser();
        long bob = newUser();
        List<MessageInfo> stored = log.append(List.of(
                new Append(conv, 1, alice, "same-id", "from alice", TIME),
                new Append(conv, 2, bob, "same-id", "from bob", TIME)));

        Map<ClientKey, MessageInfo> found = log.findByClientIds(List.of(
                new ClientKey(alice, "same-id"), new ClientKey(bob, "same-id"),
                new ClientKey(alice, "fresh"), new ClientKey(newUser(), "same-id")));

        assertThat(found).containsOnly(
                Map.entry(new ClientKey(alice, "same-id"), stored.get(0)),
                Map.entry(new ClientKey(bob, "same-id"), stored.get(1)));
        assertThat(log.findByClientIds(List.of())).isEmpty();
    }

    @Test
    void findByClientIdsFindsKeysStoredBeforeAReopen() throws Exception {
        long conv = newConversation();
        long sender = newUser();
        List<MessageInfo> stored = appendMessages(conv, sender, 1, 10);

        log = reopen();

        List<ClientKey> keys = stored.stream().map(m -> new ClientKey(m.senderId(), m.clientMsgId())).toList();
        Map<ClientKey, MessageInfo> found = log.findByClientIds(keys);
        assertThat(found).hasSize(10);
        stored.forEach(m -> assertThat(found.get(new ClientKey(sender, m.clientMsgId()))).isEqualTo(m));
        assertThat(log.findByClientIds(List.of(new ClientKey(sender, "never-sent")))).isEmpty();
    }

    @Test
    void imageAndFileMessagesKeepTheirKindAndFileAndEraseToEmptyText() throws Exception {
        long conv = newConversation();
        long sender = newUser();
        FileInfo image = new FileInfo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "猫 cat.png",
                48213, "image/png", 1024, 768, "/9j/4AAQSkZJRgABAQ==");
        FileInfo file = new FileInfo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", "report \"v2\".pdf",
                5, "application/pdf", null, null, null);
        List<MessageInfo> stored = log.append(List.of(
                new Append(conv, 1, sender, "k-1", "[image] 猫 cat.png", TIME, MessageKind.IMAGE, image),
                new Append(conv, 2, sender, "k-2", "plain", TIME),
                new Append(conv, 3, sender, "k-3", "[file] report \"v2\".pdf", TIME, MessageKind.FILE, file)));

        assertThat(stored.get(0).kind()).isEqualTo(MessageKind.IMAGE);
        assertReadBack(conv, sender, stored, image, file);
        log = reopen();
        assertReadBack(conv, sender, stored, image, file);

        assertThat(log.erase(conv, 1)).isTrue();
        MessageInfo erased = log.range(conv, 1, 1, 1).get(0);
        assertThat(erased.text()).isEmpty();
        assertThat(erased.file()).as("an erased message keeps nothing of its file").isNull();
        assertThat(erased.kind()).isNull();
    }

    @Test
    void repliesMentionsAndSystemLinesKeepThemAndEraseToEmptyText() throws Exception {
        long conv = newConversation();
        long sender = newUser();
        FileInfo file = new FileInfo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", "plan.pdf",
                5, "application/pdf", null, null, null);
        SystemEvent notice = new SystemEvent("notice", sender, null, null, null, "周五 5 点开会 {\"json\": 1}");
        List<MessageInfo> stored = log.append(List.of(
                new Append(conv, 1, sender, "e-1", "项目 kickoff", TIME),
                new Append(conv, 2, sender, "e-2", "@Bob @all see above", TIME, null, null,
                        new MessageLog.Extras(1L, List.of(7L, 8L), true, null)),
                new Append(conv, 3, sender, "e-3", "[file] plan.pdf", TIME, MessageKind.FILE, file,
                        new MessageLog.Extras(2L, null, null, null)),
                new Append(conv, 4, sender, "e-4", "Alice changed the notice", TIME, MessageKind.SYSTEM, null,
                        new MessageLog.Extras(null, null, null, notice))));

        for (int round = 0; round < 2; round++) {
            List<MessageInfo> read = log.range(conv, 1, 4, 10);
            assertThat(read).containsExactlyElementsOf(stored);
            assertThat(read.get(0).replyTo()).isNull();
            assertThat(read.get(1).text()).isEqualTo("@Bob @all see above");
            assertThat(read.get(1).replyTo()).isEqualTo(Quote.of(1));
            assertThat(read.get(1).mentions()).containsExactly(7L, 8L);
            assertThat(read.get(1).mentionAll()).isTrue();
            assertThat(read.get(2).file()).isEqualTo(file);
            assertThat(read.get(2).text()).isEqualTo("[file] plan.pdf");
            assertThat(read.get(2).replyTo()).isEqualTo(Quote.of(2));
            assertThat(read.get(3).kind()).isEqualTo(MessageKind.SYSTEM);
            assertThat(read.get(3).system()).isEqualTo(notice);
            log = reopen();
        }

        assertThat(log.erase(conv, 2)).isTrue();
        assertThat(log.erase(conv, 3)).isTrue();
        for (MessageInfo erased : log.range(conv, 2, 3, 10)) {
            assertThat(erased.text()).as("an erased message keeps none of its content").isEmpty();
            assertThat(erased.replyTo()).isNull();
            assertThat(erased.mentions()).isNull();
            assertThat(erased.file()).isNull();
        }
    }

    private void assertReadBack(long conv, long sender, List<MessageInfo> stored, FileInfo image, FileInfo file) {
        List<MessageInfo> read = log.range(conv, 1, 3, 10);
        assertThat(read).containsExactlyElementsOf(stored);
        assertThat(read.get(0).file()).isEqualTo(image);
        assertThat(read.get(0).text()).isEqualTo("[image] 猫 cat.png");
        assertThat(read.get(1).kind()).isNull();
        assertThat(read.get(2).file()).isEqualTo(file);
        assertThat(log.findByClientIds(List.of(new ClientKey(sender, "k-3")))).containsEntry(new ClientKey(sender, "k-3"),
                stored.get(2));
    }

    @Test
    void headsAreEveryConversationsLastSeqAlsoAfterAReopen() throws Exception {
        long a = newConversation();
        long b = newConversation();
        long sender = newUser();
        appendMessages(a, sender, 1, 7);
        appendMessages(b, sender, 1, 2);
        assertThat(heads()).containsEntry(a, 7L).containsEntry(b, 2L);

        log = reopen();

        assertThat(heads()).containsEntry(a, 7L).containsEntry(b, 2L).doesNotContainKey(newConversation());
        appendMessages(b, sender, 3, 1);
        assertThat(heads()).containsEntry(a, 7L).containsEntry(b, 3L);
    }

    @Test
    void anErasedMessageKeepsItsPlaceAndFieldsWithAnEmptyText() throws Exception {
        long conv = newConversation();
        long sender = newUser();
        List<MessageInfo> stored = appendMessages(conv, sender, 1, 3);
        MessageInfo target = stored.get(1);

        assertThat(log.erase(conv, 2)).isTrue();

        MessageInfo erased = new MessageInfo(target.msgId(), conv, 2, sender, target.clientMsgId(), "", target.time());
        assertThat(log.range(conv, 1, 3, 10)).containsExactly(stored.get(0), erased, stored.get(2));
        assertThat(log.findByClientIds(List.of(new ClientKey(sender, target.clientMsgId()))))
                .containsExactly(Map.entry(new ClientKey(sender, target.clientMsgId()), erased));
        log = reopen();
        assertThat(log.range(conv, 1, 3, 10)).containsExactly(stored.get(0), erased, stored.get(2));
    }

    @Test
    void erasingTwiceOrErasingAMissingMessageIsSafe() throws Exception {
        long conv = newConversation();
        List<MessageInfo> stored = appendMessages(conv, newUser(), 1, 2);

        assertThat(log.erase(conv, 1)).isTrue();
        assertThat(log.erase(conv, 1)).isTrue();
        assertThat(log.erase(conv, 3)).isFalse();
        assertThat(log.erase(newConversation(), 1)).isFalse();

        assertThat(log.range(conv, 1, 2, 10)).extracting(MessageInfo::text).containsExactly("", stored.get(1).text());
    }

    @Test
    void manyBatchesAcrossReopensKeepIdsIncreasing() throws Exception {
        long conv = newConversation();
        long sender = newUser();
        List<MessageInfo> all = new ArrayList<>();
        long seq = 1;
        for (int reopenRound = 0; reopenRound < 3; reopenRound++) {
            for (int batch = 0; batch < 20; batch++) {
                all.addAll(appendMessages(conv, sender, seq, 5));
                seq += 5;
            }
            log = reopen();
        }

        assertThat(all).extracting(MessageInfo::msgId).isSorted().doesNotHaveDuplicates();
        assertThat(log.range(conv, 1, seq - 1, 1_000)).isEqualTo(all);
        MessageInfo next = appendMessages(conv, sender, seq, 1).get(0);
        assertThat(next.msgId()).isGreaterThan(all.get(all.size() - 1).msgId());
    }

    /** Appends {@code count} messages to {@code conv} from seq {@code firstSeq} on, in one batch. */
    protected List<MessageInfo> appendMessages(long conv, long sender, long firstSeq, int count) {
        List<Append> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seq = firstSeq + i;
            batch.add(new Append(conv, seq, sender, clientId(), "message " + seq + " of " + conv, TIME + seq));
        }
        return log.append(batch);
    }

    /** A clientMsgId unused so far, shaped like the clients' UUIDs. */
    protected String clientId() {
        return String.format("00000000-0000-4000-8000-%012d", nextClientId++);
    }

    protected Map<Long, Long> heads() {
        Map<Long, Long> heads = new HashMap<>();
        log.forEachHead(heads::put);
        return heads;
    }
}
