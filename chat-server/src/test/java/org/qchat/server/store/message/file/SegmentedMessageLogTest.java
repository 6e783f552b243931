package org.qchat.server.store.message.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qchat.server.store.message.file.LogFixtures.SMALL_INDEX;
import static org.qchat.server.store.message.file.LogFixtures.TIME;
import static org.qchat.server.store.message.file.LogFixtures.TINY;
import static org.qchat.server.store.message.file.LogFixtures.batch;
import static org.qchat.server.store.message.file.LogFixtures.firstSegment;
import static org.qchat.server.store.message.file.LogFixtures.keysOf;
import static org.qchat.server.store.message.file.LogFixtures.textOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.config.Durability;
import org.qchat.server.store.message.MessageLog;
import org.qchat.server.store.message.MessageLog.Append;
import org.qchat.server.store.message.MessageLog.ClientKey;
import org.qchat.server.store.message.MessageLogContract;
import org.qchat.server.store.message.MessageLogException;

/**
 * {@link SegmentedMessageLog}: the {@link MessageLogContract} with the server's sizes, and what only
 * this log has to get right besides: erasing from the disk, imports, concurrent readers, failed
 * appends, durability modes. Torn tails, the directory lock and recovery have tests of their own
 * ({@link TornTailTest}, {@link DirectoryLockTest}, {@link RecoveryTest}).
 */
class SegmentedMessageLogTest extends MessageLogContract {

    @TempDir
    Path root;

    private Path dir() {
        return root.resolve("messages");
    }

    @Override
    protected MessageLog open() {
        return SegmentedMessageLog.open(dir(), Durability.PROCESS);
    }

    @Override
    protected MessageLog reopen() {
        log.close();
        return open();
    }

    @Test
    void eraseRemovesTheTextsBytesFromTheSegmentFile() throws Exception {
        String secret = "the door code is 4711, do not tell anyone";
        log.append(List.of(new Append(9, 1, 3, "s-1", secret, TIME), new Append(9, 2, 3, "s-2", "an ordinary line", TIME)));

        assertThat(log.erase(9, 1)).isTrue();

        String file = new String(Files.readAllBytes(firstSegment(dir())), StandardCharsets.ISO_8859_1);
        assertThat(file).doesNotContain("door code").contains("an ordinary line");
        log = reopen();
        assertThat(log.range(9, 1, 2, 10)).extracting(MessageInfo::text).containsExactly("", "an ordinary line");
    }

    @Test
    void powerDurabilityStoresReadsAndErasesTheSame() throws Exception {
        Path d = root.resolve("power");
        List<MessageInfo> all = new ArrayList<>();
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.POWER, TINY)) {
            for (int b = 0; b < 10; b++) {
                all.addAll(log.append(batch(1, b * 3L + 1, 3)));
            }
            assertThat(log.erase(1, 2)).isTrue();
        }
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.POWER, TINY)) {
            List<MessageInfo> read = log.range(1, 1, 30, 50);
            assertThat(read).hasSize(30);
            assertThat(read.get(1).text()).isEmpty();
            assertThat(read.subList(2, 30)).isEqualTo(all.subList(2, 30));
            assertThat(log.findByClientIds(keysOf(all))).hasSize(30);
        }
    }

    @Test
    void importedMessagesKeepTheirIdsSeqsAndTimesAndLaterAppendsFollowThem() throws Exception {
        SegmentedMessageLog file = (SegmentedMessageLog) log;
        List<MessageInfo> imported = List.of(
                new MessageInfo(100, 5, 1, 3, "old-1", "from the database", 111),
                new MessageInfo(105, 5, 2, 4, "old-2", "", 222));

        file.appendImported(imported);

        assertThat(log.range(5, 1, 2, 10)).isEqualTo(imported);
        assertThat(log.append(batch(5, 3, 1)).get(0).msgId()).isEqualTo(106);
        assertThatThrownBy(() -> file.appendImported(List.of(new MessageInfo(106, 6, 1, 3, "x", "", 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> file.appendImported(List.of(
                new MessageInfo(300, 6, 1, 3, "y", "", 1), new MessageInfo(200, 6, 2, 3, "z", "", 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(log.range(6, 1, 10, 10)).isEmpty();
        log = reopen();
        assertThat(log.range(5, 1, 2, 10)).isEqualTo(imported);
        assertThat(log.append(batch(5, 4, 1)).get(0).msgId()).isEqualTo(107);
    }

    @Test
    void readersSeeEveryReturnedMessageWhileTheWriterAppendsRollsAndStartsGenerations() throws Exception {
        Path d = root.resolve("concurrent");
        AtomicLong returnedHead = new AtomicLong();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, new LogOptions(2048, 16))) {
            List<Future<Long>> pages = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                pages.add(readers.submit(() -> readPagesWhile(log, writing, returnedHead)));
            }
            for (int b = 0; b < 400; b++) {
                List<MessageInfo> stored = log.append(batch(1, b * 5L + 1, 5));
                returnedHead.set(stored.get(4).seq());
            }
            writing.set(false);
            for (Future<Long> read : pages) {
                assertThat(read.get()).isPositive();
            }
        } finally {
            readers.shutdownNow();
        }
    }

    /** Reads random pages below the returned head, checking each message, until the writer is done. */
    private static long readPagesWhile(SegmentedMessageLog log, AtomicBoolean writing, AtomicLong returnedHead) {
        long pages = 0;
        while (writing.get() || pages == 0) {
            long head = returnedHead.get();
            if (head == 0) {
                Thread.onSpinWait();
                continue;
            }
            long from = ThreadLocalRandom.current().nextLong(1, head + 1);
            List<MessageInfo> page = log.range(1, from, head, 20);
            assertThat(page).hasSize((int) Math.min(20, head - from + 1));
            for (int i = 0; i < page.size(); i++) {
                assertThat(page.get(i).seq()).isEqualTo(from + i);
                assertThat(page.get(i).text()).isEqualTo(textOf(1, from + i));
            }
            pages++;
        }
        return pages;
    }

    @Test
    void anInterruptedAppendStoresNothingAndTheNextAppendContinuesAfterIt() throws Exception {
        Path d = root.resolve("interrupted");
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, SMALL_INDEX)) {
            MessageInfo before = log.append(batch(1, 1, 1)).get(0);
            long sizeBefore = Files.size(firstSegment(d));

            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> log.append(batch(1, 2, 3))).isInstanceOf(MessageLogException.class)
                        .hasMessageContaining("none was stored");
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
            }

            assertThat(Files.size(firstSegment(d))).isEqualTo(sizeBefore);
            assertThat(log.range(1, 1, 10, 10)).containsExactly(before);
            List<MessageInfo> after = log.append(batch(1, 2, 3));
            assertThat(after.get(0).msgId()).isEqualTo(before.msgId() + 1);
            assertThat(log.range(1, 1, 10, 10)).hasSize(4);
        }
    }

    @Test
    void aMessageTooLargeForARecordIsRejectedBeforeAnythingIsWritten() throws Exception {
        String huge = "x".repeat(RecordCodec.MAX_RECORD_LENGTH);

        assertThatThrownBy(() -> log.append(List.of(new Append(1, 1, 1, "big", huge, TIME))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(Files.size(firstSegment(dir()))).isZero();
        assertThat(log.append(batch(1, 1, 1)).get(0).msgId()).isEqualTo(1);
    }

    @Test
    void closeIsIdempotentAndAClosedLogRefusesEveryCall() {
        SegmentedMessageLog closed = SegmentedMessageLog.open(root.resolve("closed"), Durability.PROCESS, SMALL_INDEX);
        closed.close();
        closed.close();

        assertThatThrownBy(() -> closed.append(batch(1, 1, 1))).isInstanceOf(MessageLogException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> closed.range(1, 1, 1, 1)).isInstanceOf(MessageLogException.class);
        assertThatThrownBy(() -> closed.findByClientIds(List.of(new ClientKey(1, "a")))).isInstanceOf(MessageLogException.class);
        assertThatThrownBy(() -> closed.erase(1, 1)).isInstanceOf(MessageLogException.class);
    }
}
