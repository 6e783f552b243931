package org.qchat.server.store.message.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.server.store.message.file.LogFixtures.SMALL_INDEX;
import static org.qchat.server.store.message.file.LogFixtures.TIME;
import static org.qchat.server.store.message.file.LogFixtures.firstSegment;
import static org.qchat.server.store.message.file.LogFixtures.flipByte;
import static org.qchat.server.store.message.file.LogFixtures.headsOf;
import static org.qchat.server.store.message.file.LogFixtures.truncate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.config.Durability;
import org.qchat.server.store.message.MessageLog.Append;
import org.qchat.server.store.message.MessageLog.ClientKey;

/**
 * A crash can leave the last record incomplete or garbage: recovery must cut it, whatever its
 * damage, keep everything before it, and let its seq be written again.
 */
class TornTailTest {

    @TempDir
    Path root;

    @Test
    void aLastRecordTornAtAnyLengthIsCutAndItsSeqCanBeWrittenAgain() throws Exception {
        int recordLength = twoBatchesWithTheLastAfterTheCheckpoint(root.resolve("measure")).lastLength();
        for (int kept = 1; kept < recordLength; kept++) {
            Path d = root.resolve("cut-" + kept);
            Tail tail = twoBatchesWithTheLastAfterTheCheckpoint(d);
            truncate(firstSegment(d), tail.lastStart() + kept);
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
}
