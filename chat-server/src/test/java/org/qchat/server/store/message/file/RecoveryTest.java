package org.qchat.server.store.message.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.server.store.message.file.LogFixtures.SMALL_INDEX;
import static org.qchat.server.store.message.file.LogFixtures.TIME;
import static org.qchat.server.store.message.file.LogFixtures.TINY;
import static org.qchat.server.store.message.file.LogFixtures.batch;
import static org.qchat.server.store.message.file.LogFixtures.files;
import static org.qchat.server.store.message.file.LogFixtures.firstSegment;
import static org.qchat.server.store.message.file.LogFixtures.flipByte;
import static org.qchat.server.store.message.file.LogFixtures.headsOf;
import static org.qchat.server.store.message.file.LogFixtures.keysOf;
import static org.qchat.server.store.message.file.LogFixtures.message;
import static org.qchat.server.store.message.file.LogFixtures.truncate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.config.Durability;
import org.qchat.server.store.message.MessageLog.Append;
import org.qchat.server.store.message.MessageLog.ClientKey;
import org.qchat.server.testing.ChildJvm;

/**
 * Segment rolls, index generations, and what an open finds after them: a checkpoint, a stale one,
 * a damaged one, none, or the files a killed writer left.
 */
class RecoveryTest {

    @TempDir
    Path root;

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

    /**
     * The checkpoint of a roll is written off the appending thread, from the state taken at the
     * roll: it covers the log up to the new segment's start, whatever was appended after.
     */
    @Test
    void aRollCheckpointsTheLogAsItWasAtTheRollWhileAppendsGoOn() throws Exception {
        Path d = root.resolve("roll-checkpoint");
        List<MessageInfo> beforeRoll = new ArrayList<>();
        SegmentedMessageLog log = SegmentedMessageLog.open(d, Durability.PROCESS, TINY);
        long seq = 1;
        while (true) {
            List<MessageInfo> stored = log.append(batch(1, seq, 5));
            seq += 5;
            if (files(d, "segment-*.log").size() > 1) {
                break; // this batch opened the second segment
            }
            beforeRoll.addAll(stored);
        }
        log.append(batch(1, seq, 5));
        log.abandon(); // lets the checkpoint under way finish, writes no other

        Checkpoint checkpoint = Checkpoint.read(d);
        assertThat(checkpoint.logEnd()).isEqualTo(Files.size(files(d, "segment-*.log").get(0)));
        assertThat(checkpoint.lastMsgId()).isEqualTo(beforeRoll.get(beforeRoll.size() - 1).msgId());
        assertThat(checkpoint.heads().get(1)).isEqualTo(beforeRoll.get(beforeRoll.size() - 1).seq());
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
        truncate(firstSegment(d), firstEnd);

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
}
