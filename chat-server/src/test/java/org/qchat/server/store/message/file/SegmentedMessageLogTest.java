package org.qchat.server.store.message.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.config.Durability;
import org.qchat.server.store.message.MessageLog;
import org.qchat.server.store.message.MessageLog.Append;
import org.qchat.server.store.message.MessageLog.ClientKey;
import org.qchat.server.store.message.MessageLogContract;
import org.qchat.server.store.message.MessageLogException;
import org.qchat.server.testing.ChildJvm;

/**
 * {@link SegmentedMessageLog}: the {@link MessageLogContract} with the server's sizes, and what only
 * a log of files has to get right: torn tails, the directory lock, erasing from the disk, rolls,
 * recovery with and without a checkpoint, a killed writer.
 */
class SegmentedMessageLogTest extends MessageLogContract {

    private static final long TIME = 1_718_000_000_000L;
    /** The server's segment size with small index tables: fast to create and force, many times over. */
    private static final LogOptions SMALL_INDEX = new LogOptions(LogOptions.DEFAULT_SEGMENT_SIZE, 64);
    private static final LogOptions TINY = new LogOptions(1024, 8);

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

    // --- torn tails --------------------------------------------------------------------------

    @Test
    void aLastRecordTornAtAnyLengthIsCutAndItsSeqCanBeWrittenAgain() throws Exception {
        int recordLength = twoBatchesWithTheLastAfterTheCheckpoint(root.resolve("measure")).lastLength();
        for (int kept = 1; kept < recordLength; kept++) {
            Path d = root.resolve("cut-" + kept);
            Tail tail = twoBatchesWithTheLastAfterTheCheckpoint(d);
            try (FileChannel segment = FileChannel.open(firstSegment(d), StandardOpenOption.WRITE)) {
                segment.truncate(tail.lastStart() + kept);
            }
            assertOnlyTheLastRecordIsGone(d, tail);
        }
    }

    @Test
    void aLastRecordWithAnyByteDamagedIsCutAlsoWhenRebuildingWithoutACheckpoint() throws Exception {
        int recordLength = twoBatchesWithTheLastAfterTheCheckpoint(root.resolve("measure")).lastLength();
        for (int offset = 0; offset < recordLength; offset++) {
            Path d = root.resolve("flip-" + offset);
            Tail tail = twoBatchesWithTheLastAfterTheCheckpoint(d);
            Files.delete(d.resolve(Checkpoint.FILE));
            flipByte(firstSegment(d), tail.lastStart() + offset);
            assertOnlyTheLastRecordIsGone(d, tail);
        }
    }

    /** The first batch's messages, and where the last record (one message) starts and how long it is. */
    private record Tail(List<MessageInfo> first, long lastStart, int lastLength) {
    }

    /**
     * Two messages, a close (checkpoint), then one more message and a crash: the last record is the
     * only one after the checkpoint.
     */
    private static Tail twoBatchesWithTheLastAfterTheCheckpoint(Path d) throws IOException {
        List<MessageInfo> first;
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, SMALL_INDEX)) {
            first = log.append(List.of(new Append(1, 1, 7, "a-1", "first", TIME), new Append(2, 1, 8, "a-2", "second", TIME)));
        }
        long lastStart = Files.size(firstSegment(d));
        SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, SMALL_INDEX);
        log.append(List.of(new Append(1, 2, 7, "b-1", "the last one, torn", TIME)));
        log.abandon();
        return new Tail(first, lastStart, (int) (Files.size(firstSegment(d)) - lastStart));
    }

    private static void assertOnlyTheLastRecordIsGone(Path d, Tail tail) throws IOException {
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, SMALL_INDEX)) {
            assertThat(Files.size(firstSegment(d))).as("segment cut where the last record started").isEqualTo(tail.lastStart());
            assertThat(log.range(1, 1, 10, 10)).containsExactly(tail.first().get(0));
            assertThat(log.range(2, 1, 10, 10)).containsExactly(tail.first().get(1));
            assertThat(log.findByClientIds(List.of(new ClientKey(7, "a-1"), new ClientKey(8, "a-2")))).hasSize(2);
            assertThat(log.findByClientIds(List.of(new ClientKey(7, "b-1")))).isEmpty();
            assertThat(headsOf(log)).isEqualTo(Map.of(1L, 1L, 2L, 1L));

            MessageInfo again = log.append(List.of(new Append(1, 2, 7, "b-2", "written again", TIME))).get(0);

            assertThat(again.msgId()).isEqualTo(tail.first().get(1).msgId() + 1);
            assertThat(log.range(1, 1, 10, 10)).containsExactly(tail.first().get(0), again);
            assertThat(log.findByClientIds(List.of(new ClientKey(7, "b-1")))).isEmpty();
        }
    }

    // --- the directory lock ------------------------------------------------------------------

    @Test
    void aSecondProcessIsRefusedTheDirectoryAndToldTheHoldersPid() throws Exception {
        Path d = root.resolve("held");
        try (ChildJvm holder = ChildJvm.start(LogWriterMain.class, "hold", d.toString())) {
            holder.awaitLine("OPEN");

            assertThatThrownBy(() -> SegmentedMessageLog.open(d, Durability.PROCESS))
                    .isInstanceOf(MessageLogException.class)
                    .hasMessage(d.toRealPath() + " is in use by another qchat server (pid " + holder.pid()
                            + "); stop it first or use another --data-dir");

            holder.closeInput();
            assertThat(holder.awaitExit()).isZero();
        }
        SegmentedMessageLog.open(d, Durability.PROCESS).close();
    }

    @Test
    void aSecondOpenInTheSameJvmIsRefusedWithoutLoosingTheFirstOnesLock() throws Exception {
        Path d = root.resolve("twice");
        try (SegmentedMessageLog first = SegmentedMessageLog.open(d, Durability.PROCESS, SMALL_INDEX)) {
            assertThatThrownBy(() -> SegmentedMessageLog.open(d, Durability.PROCESS))
                    .isInstanceOf(MessageLogException.class)
                    .hasMessage(d.toRealPath() + " is in use by another qchat server in this process (pid "
                            + ProcessHandle.current().pid() + "); stop it first or use another --data-dir");

            // Closing a second channel on LOCK would have dropped the first one's lock: check with another process.
            try (ChildJvm probe = ChildJvm.start(LogWriterMain.class, "probe", d.toString())) {
                assertThat(probe.awaitLine("REFUSED ")).contains("pid " + ProcessHandle.current().pid());
            }
            assertThat(first.append(List.of(new Append(1, 1, 1, "c", "still mine", TIME)))).hasSize(1);
        }
        SegmentedMessageLog.open(d, Durability.PROCESS).close();
    }

    // --- erase -------------------------------------------------------------------------------

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

    // --- rolls and generations ---------------------------------------------------------------

    @Test
    void segmentsRollAtTheSegmentSizeEachStartingWhereTheLastEndsAndAllSurviveAReopen() throws Exception {
        Path d = root.resolve("roll");
        List<MessageInfo> all = new ArrayList<>();
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, TINY)) {
            for (int b = 0; b < 30; b++) {
                all.addAll(log.append(batch(1, b * 5L + 1, 5)));
            }
        }

        List<Path> segments = files(d, "segment-*.log");
        assertThat(segments).hasSizeGreaterThan(5);
        long base = 0;
        for (int i = 0; i < segments.size(); i++) {
            assertThat(segments.get(i).getFileName()).hasToString(String.format("segment-%020d.log", base));
            long size = Files.size(segments.get(i));
            if (i < segments.size() - 1) {
                assertThat(size).isGreaterThanOrEqualTo(TINY.segmentSize());
            }
            base += size;
        }
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, TINY)) {
            assertThat(log.range(1, 1, 150, 200)).isEqualTo(all);
            assertThat(log.findByClientIds(keysOf(all))).hasSize(150);
        }
    }

    @Test
    void indexTablesStartANewGenerationWhenHalfFullAndAllGenerationsSurviveAReopen() throws Exception {
        Path d = root.resolve("generations");
        LogOptions eightSlots = new LogOptions(LogOptions.DEFAULT_SEGMENT_SIZE, 8);
        List<MessageInfo> all = new ArrayList<>();
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, eightSlots)) {
            for (int b = 0; b < 10; b++) {
                all.addAll(log.append(List.of(message(1, 2L * b + 1), message(2, b + 1), message(1, 2L * b + 2), message(3, b + 1))));
            }
        }

        // 40 keys in each index, 4 per table of 8 slots.
        assertThat(files(d, "seq-index-*.idx")).hasSize(10);
        assertThat(files(d, "client-index-*.idx")).hasSize(10);
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, eightSlots)) {
            assertThat(log.range(1, 1, 20, 50)).isEqualTo(all.stream().filter(m -> m.convId() == 1).toList());
            assertThat(log.range(3, 4, 6, 50)).extracting(MessageInfo::seq).containsExactly(4L, 5L, 6L);
            assertThat(log.findByClientIds(keysOf(all))).hasSize(40);
            assertThat(log.findByClientIds(List.of(new ClientKey(42, "never")))).isEmpty();
        }
    }

    // --- recovery ----------------------------------------------------------------------------

    @Test
    void withoutACheckpointIndexesHeadsAndIdsAreRebuiltFromTheSegments() throws Exception {
        Path d = root.resolve("no-checkpoint");
        List<MessageInfo> all = appendInBatches(d, 1, 60);
        Files.delete(d.resolve(Checkpoint.FILE));

        assertWholeAndContinuing(d, all);
        assertThat(d.resolve(Checkpoint.FILE)).exists();
    }

    @Test
    void aDamagedCheckpointIsIgnoredAndEverythingRebuilt() throws Exception {
        Path d = root.resolve("bad-checkpoint");
        List<MessageInfo> all = appendInBatches(d, 1, 60);
        flipByte(d.resolve(Checkpoint.FILE), 30);

        assertWholeAndContinuing(d, all);
    }

    @Test
    void aStaleCheckpointIsCaughtUpByReplayingTheRecordsAfterIt() throws Exception {
        Path d = root.resolve("stale");
        List<MessageInfo> all = new ArrayList<>(appendInBatches(d, 1, 20));
        Path stale = root.resolve("stale-checkpoint");
        Files.copy(d.resolve(Checkpoint.FILE), stale);
        all.addAll(appendInBatches(d, 21, 60));
        Files.copy(stale, d.resolve(Checkpoint.FILE), StandardCopyOption.REPLACE_EXISTING);

        assertWholeAndContinuing(d, all);
    }

    @Test
    void aCheckpointClaimingMoreLogThanThereIsIsDistrustedAndTheLogRebuilt() throws Exception {
        Path d = root.resolve("short");
        List<MessageInfo> first;
        long firstEnd;
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, SMALL_INDEX)) {
            first = log.append(batch(1, 1, 3));
            firstEnd = Files.size(firstSegment(d));
            log.append(batch(1, 4, 3));
        }
        try (FileChannel segment = FileChannel.open(firstSegment(d), StandardOpenOption.WRITE)) {
            segment.truncate(firstEnd);
        }

        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, SMALL_INDEX)) {
            assertThat(log.range(1, 1, 10, 10)).isEqualTo(first);
            assertThat(headsOf(log)).isEqualTo(Map.of(1L, 3L));
            assertThat(log.append(batch(1, 4, 1)).get(0).msgId()).isEqualTo(first.get(2).msgId() + 1);
        }
    }

    @Test
    void everyBatchAcknowledgedBeforeAKill9IsThereAfterwards() throws Exception {
        Path d = root.resolve("killed");
        String lastAck = null;
        try (ChildJvm writer = ChildJvm.start(LogWriterMain.class, "append", d.toString())) {
            for (int i = 0; i < 300; i++) {
                lastAck = writer.awaitLine("ACK ");
            }
            writer.kill();
        }
        String[] ack = lastAck.split(" ");
        long ackedId = Long.parseLong(ack[1]);
        long ackedSeq = Long.parseLong(ack[2]);

        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, LogWriterMain.OPTIONS)) {
            long head = headsOf(log).get(1L);
            assertThat(head).isGreaterThanOrEqualTo(ackedSeq);
            long previousId = 0;
            for (long from = 1; from <= head; from += 100) {
                List<MessageInfo> page = log.range(1, from, head, 100);
                assertThat(page).hasSize((int) Math.min(100, head - from + 1));
                for (MessageInfo m : page) {
                    assertThat(m.seq()).isEqualTo(from + page.indexOf(m));
                    assertThat(m.clientMsgId()).isEqualTo("k-" + m.seq());
                    assertThat(m.text()).isEqualTo("text " + m.seq());
                    assertThat(m.msgId()).isGreaterThan(previousId);
                    previousId = m.msgId();
                }
            }
            assertThat(log.findByClientIds(List.of(new ClientKey(42, "k-" + ackedSeq)))).hasSize(1);
            MessageInfo next = log.append(List.of(new Append(1, head + 1, 42, "k-next", "after the kill", TIME))).get(0);
            assertThat(next.msgId()).isGreaterThan(Math.max(ackedId, previousId));
        }
    }

    // --- the rest ----------------------------------------------------------------------------

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

    // --- helpers -----------------------------------------------------------------------------

    /** Appends seqs {@code from..to} over conversations 1 to 3 (seq n goes to each), in batches of 4, and closes. */
    private static List<MessageInfo> appendInBatches(Path d, long from, long to) {
        List<MessageInfo> all = new ArrayList<>();
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, TINY)) {
            for (long seq = from; seq <= to; seq += 4) {
                List<Append> batch = new ArrayList<>();
                for (long s = seq; s < seq + 4 && s <= to; s++) {
                    for (long conv = 1; conv <= 3; conv++) {
                        batch.add(message(conv, s));
                    }
                }
                all.addAll(log.append(batch));
            }
        }
        return all;
    }

    private static void assertWholeAndContinuing(Path d, List<MessageInfo> all) {
        long lastSeq = all.stream().mapToLong(MessageInfo::seq).max().orElseThrow();
        try (SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, TINY)) {
            for (long conv = 1; conv <= 3; conv++) {
                long c = conv;
                assertThat(log.range(conv, 1, lastSeq, 1_000)).isEqualTo(all.stream().filter(m -> m.convId() == c).toList());
            }
            assertThat(log.findByClientIds(keysOf(all))).hasSize(all.size());
            assertThat(headsOf(log)).isEqualTo(Map.of(1L, lastSeq, 2L, lastSeq, 3L, lastSeq));
            long lastId = all.get(all.size() - 1).msgId();
            assertThat(log.append(List.of(message(1, lastSeq + 1))).get(0).msgId()).isEqualTo(lastId + 1);
        }
    }

    private static Append message(long conv, long seq) {
        return new Append(conv, seq, 100 + conv, "m-" + conv + "-" + seq, textOf(conv, seq), TIME + seq);
    }

    private static List<Append> batch(long conv, long firstSeq, int count) {
        List<Append> batch = new ArrayList<>();
        for (long seq = firstSeq; seq < firstSeq + count; seq++) {
            batch.add(message(conv, seq));
        }
        return batch;
    }

    private static String textOf(long conv, long seq) {
        return "message " + seq + " of conversation " + conv;
    }

    private static List<ClientKey> keysOf(List<MessageInfo> messages) {
        return messages.stream().map(m -> new ClientKey(m.senderId(), m.clientMsgId())).toList();
    }

    private static Map<Long, Long> headsOf(MessageLog log) {
        Map<Long, Long> heads = new HashMap<>();
        log.forEachHead(heads::put);
        return heads;
    }

    private static Path firstSegment(Path d) {
        return d.resolve(Segment.fileName(0));
    }

    private static List<Path> files(Path d, String glob) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(d)) {
            var matcher = d.getFileSystem().getPathMatcher("glob:" + glob);
            list.filter(p -> matcher.matches(p.getFileName())).sorted().forEach(found::add);
        }
        return found;
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0xFF)).position(0);
            channel.write(one, position);
        }
    }
}
