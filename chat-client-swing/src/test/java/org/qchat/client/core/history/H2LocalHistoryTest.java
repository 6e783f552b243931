package org.qchat.client.core.history;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.FileInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.SystemEvent;
import org.qchat.protocol.model.Quote;

/** The H2 history against a real database file in a temporary folder. */
class H2LocalHistoryTest {

    @TempDir
    Path dir;
    private H2LocalHistory history;

    @BeforeEach
    void open() {
        history = new H2LocalHistory(dir.resolve("history"));
    }

    @AfterEach
    void close() {
        history.close();
    }

    private static <T> T done(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static MessageInfo text(long convId, long seq, String text) {
        return new MessageInfo(1000 * convId + seq, convId, seq, 7, "c" + convId + "-" + seq, text, 1_000_000 + seq);
    }

    private static List<Long> seqs(List<MessageInfo> messages) {
        return messages.stream().map(MessageInfo::seq).toList();
    }

    private void reopen() {
        history.close();
        history = new H2LocalHistory(dir.resolve("history"));
    }

    @Test
    void everyFieldOfAMessageSurvivesAReopenOfTheFile() throws Exception {
        MessageInfo full = new MessageInfo(55, 9, 3, 7, "cm-3", "see @bob", 123_456L, MessageKind.TEXT, null,
                Quote.of(1), List.of(8L), Boolean.TRUE, null, null);
        MessageInfo file = new MessageInfo(56, 9, 4, 7, "cm-4", "[file] plan.pdf", 123_457L, MessageKind.FILE,
                new FileInfo("a".repeat(64), "plan.pdf", 10L, "application/pdf", null, null, null));
        done(history.store(List.of(full, file)));

        reopen();

        assertThat(done(history.before(9, null, 10))).containsExactly(full, file);
    }

    @Test
    void pagesBeforeASeqAreTheNewestBelowItInAscendingOrder() throws Exception {
        List<MessageInfo> all = new ArrayList<>();
        LongStream.rangeClosed(1, 50).forEach(s -> all.add(text(3, s, "m" + s)));
        done(history.store(all));
        done(history.store(List.of(text(4, 1, "elsewhere"))));

        assertThat(seqs(done(history.before(3, 21L, 5)))).containsExactly(16L, 17L, 18L, 19L, 20L);
        assertThat(seqs(done(history.before(3, null, 3)))).containsExactly(48L, 49L, 50L);
        assertThat(done(history.before(3, 1L, 5))).isEmpty();
        assertThat(seqs(done(history.range(3, 10, 13, 100)))).containsExactly(10L, 11L, 12L, 13L);
    }

    @Test
    void gapsStayGapsAndAStoredMessageReplacesTheOneAtItsSeq() throws Exception {
        List<MessageInfo> held = new ArrayList<>();
        LongStream.rangeClosed(1, 50).forEach(s -> held.add(text(3, s, "m" + s)));
        LongStream.rangeClosed(80, 90).forEach(s -> held.add(text(3, s, "m" + s)));
        done(history.store(held));
        done(history.store(List.of(text(3, 85, "again"))));

        List<MessageInfo> belowEighty = done(history.before(3, 81L, 3));
        assertThat(seqs(belowEighty)).containsExactly(49L, 50L, 80L);
        assertThat(done(history.range(3, 51, 79, 100))).isEmpty();
        assertThat(done(history.range(3, 85, 85, 1)).get(0).text()).isEqualTo("again");
    }

    @Test
    void anErasedMessageKeepsItsPlaceButLosesItsWordsAndIsNoLongerFound() throws Exception {
        done(history.store(List.of(text(3, 1, "the secret plan"), text(3, 2, "another plan"))));

        done(history.erase(3, 1, 7));
        reopen();

        MessageInfo erased = done(history.range(3, 1, 1, 1)).get(0);
        assertThat(erased.text()).isEqualTo(MessageInfo.RECALLED_TEXT);
        assertThat(erased.recalledBy()).isEqualTo(7L);
        assertThat(erased.msgId()).isEqualTo(3001L);
        assertThat(seqs(done(history.search("plan", 10)))).containsExactly(2L);
        assertThat(done(history.search("secret", 10))).isEmpty();
    }

    @Test
    void replaceChangesOnlyAMessageAlreadyHeld() throws Exception {
        done(history.store(List.of(text(3, 1, "first words"))));

        done(history.replace(text(3, 1, "better words")));
        done(history.replace(text(3, 2, "never stored")));

        assertThat(done(history.before(3, null, 10))).extracting(MessageInfo::text).containsExactly("better words");
        assertThat(done(history.search("first", 10))).isEmpty();
    }

    @Test
    void searchFindsChineseInsideSentencesAndLatinInAnyCaseNewestFirstAcrossConversations() throws Exception {
        done(history.store(List.of(
                text(3, 1, "Project Phoenix 项目组"),
                text(4, 5, "下周的项目会议"),
                text(3, 2, "nothing to see"),
                text(5, 9, "PROJECT review"))));

        assertThat(done(history.search("项目", 10))).extracting(MessageInfo::text)
                .containsExactly("下周的项目会议", "Project Phoenix 项目组");
        assertThat(done(history.search("project", 10))).extracting(MessageInfo::text)
                .containsExactly("PROJECT review", "Project Phoenix 项目组");
        assertThat(done(history.search("  phoenix ", 10))).hasSize(1);
        assertThat(done(history.search("project", 1))).extracting(MessageInfo::text).containsExactly("PROJECT review");
        assertThat(done(history.search(" ", 10))).isEmpty();
    }

    @Test
    void percentUnderscoreAndBackslashAreSearchedForLiterally() throws Exception {
        done(history.store(List.of(
                text(3, 1, "growth 100% this year"),
                text(3, 2, "growth 1000 this year"),
                text(3, 3, "file_name.txt"),
                text(3, 4, "filename.txt"),
                text(3, 5, "C:\\temp"))));

        assertThat(done(history.search("100%", 10))).extracting(MessageInfo::seq).containsExactly(1L);
        assertThat(done(history.search("%", 10))).extracting(MessageInfo::seq).containsExactly(1L);
        assertThat(done(history.search("e_n", 10))).extracting(MessageInfo::seq).containsExactly(3L);
        assertThat(done(history.search(":\\t", 10))).extracting(MessageInfo::seq).containsExactly(5L);
    }

    @Test
    void filesAreFoundByTheirNameNotByTheFallbackText() throws Exception {
        MessageInfo file = new MessageInfo(1, 3, 1, 7, "f", "[file] 季度报告.pdf", 5L, MessageKind.FILE,
                new FileInfo("a".repeat(64), "季度报告.pdf", 10L, "application/pdf", null, null, null));
        done(history.store(List.of(file)));

        assertThat(done(history.search("报告", 10))).hasSize(1);
        assertThat(done(history.search("[file]", 10))).isEmpty();
    }

    @Test
    void aGroupsSystemLinesAreKeptButNotSearched() throws Exception {
        MessageInfo line = new MessageInfo(1, 9, 1, 7, "sys:1", "李华 set the group notice: 周六开会", 5L,
                MessageKind.SYSTEM, null, null, null, null, null,
                new SystemEvent("notice", 7, null, null, null, "周六开会"));
        done(history.store(List.of(line, text(9, 2, "周六见"))));

        assertThat(done(history.search("周六", 10))).extracting(MessageInfo::seq).containsExactly(2L);
        assertThat(done(history.search("notice", 10))).isEmpty();
        assertThat(done(history.range(9, 1, 1, 1))).containsExactly(line);
    }

    @Test
    void conversationsComeBackAfterAReopenWithWhatTheServerSaidAndTheirNewestMessages() throws Exception {
        ConversationInfo info = new ConversationInfo(3, ConversationKind.PRIVATE, 8L, null, 40, 35, true);
        done(history.storeConversations(List.of(info)));
        List<MessageInfo> held = new ArrayList<>();
        LongStream.rangeClosed(1, 40).forEach(s -> held.add(text(3, s, "m" + s)));
        held.add(text(6, 1, "only a message"));
        done(history.store(held));

        reopen();

        List<LocalHistory.HeldConversation> convs = done(history.conversations(3));
        assertThat(convs).extracting(LocalHistory.HeldConversation::convId).containsExactlyInAnyOrder(3L, 6L);
        LocalHistory.HeldConversation three = convs.stream().filter(c -> c.convId() == 3).findFirst().orElseThrow();
        assertThat(three.info()).isEqualTo(info);
        assertThat(seqs(three.latest())).containsExactly(38L, 39L, 40L);
        LocalHistory.HeldConversation six = convs.stream().filter(c -> c.convId() == 6).findFirst().orElseThrow();
        assertThat(six.info()).isNull();
    }

    @Test
    void aFileWrittenByANewerClientIsLeftAloneAndThisOneWorksWithoutIt() throws Exception {
        history.close();
        Path newer = dir.resolve("newer");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + newer.toAbsolutePath());
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INT NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (" + (HistorySchema.VERSION + 1) + ")");
        }
        history = new H2LocalHistory(newer);

        done(history.store(List.of(text(3, 1, "kept nowhere"))));

        assertThat(done(history.before(3, null, 10))).isEmpty();
        assertThat(done(history.search("kept", 10))).isEmpty();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + newer.toAbsolutePath())) {
            assertThat(HistorySchema.current(c)).isEqualTo(HistorySchema.VERSION + 1);
        }
    }

    @Test
    void theSchemaVersionIsRecordedOnceAndAReopenChangesNothing() throws Exception {
        done(history.store(List.of(text(3, 1, "one"))));
        reopen();
        done(history.store(List.of(text(3, 2, "two"))));
        history.close();

        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath());
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(HistorySchema.current(c)).isEqualTo(HistorySchema.VERSION);
        }
        history = new H2LocalHistory(dir.resolve("history"));
        assertThat(seqs(done(history.before(3, null, 10)))).containsExactly(1L, 2L);
    }
}
