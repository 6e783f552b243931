package org.qchat.server.store.message.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the log's derived state (indexes, heads, last msgId) up to its segments when it opens:
 * <ol>
 *   <li>Read the checkpoint. Trust it if it is readable, the segments reach at least its
 *       {@code logEnd} without a gap, and every index generation it names is on disk.
 *   <li>Otherwise (none, damaged, or claiming more log than there is) delete the index files and start
 *       from nothing, with a WARN: the log is the truth and everything else is rebuilt from it.
 *   <li>Read every record after the checkpoint's {@code logEnd} (all of them for a rebuild), putting
 *       it in the indexes again (idempotent) and raising heads and the last msgId; cut a torn tail
 *       ({@link LogScanner}).
 * </ol>
 * A checkpoint is written at every segment roll, so after a crash at most one segment is re-read.
 *
 * <p>Runs on the opening thread before the log is visible to anyone else.
 */
final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    /**
     * What the writer continues from. {@code changed} is whether recovery read or cut anything, in
     * which case a fresh checkpoint saves the next start from doing it again.
     */
    record State(MessageIndexes indexes, ConversationHeads heads, long lastMsgId, boolean changed) {
    }

    private Recovery() {
    }

    static State recover(Path dir, SegmentList segments, int indexCapacity) throws IOException {
        long started = System.nanoTime();
        Checkpoint checkpoint = null;
        String distrust;
        try {
            checkpoint = Checkpoint.read(dir);
            distrust = checkpoint == null ? "no checkpoint" : contradiction(checkpoint, segments);
        } catch (Checkpoint.UnreadableException e) {
            distrust = e.getMessage();
        }
        MessageIndexes indexes;
        if (distrust == null) {
            indexes = MessageIndexes.open(dir, segments, indexCapacity);
            distrust = missingGenerations(checkpoint, indexes);
            if (distrust != null) {
                indexes.close();
            }
        } else {
            indexes = null;
        }
        if (distrust != null) {
            if (segments.active().end() > 0) {
                log.warn("{}: {}; rebuilding indexes and heads from the whole log", dir, distrust);
            }
            checkpoint = null;
            MessageIndexes.deleteAll(dir);
            indexes = MessageIndexes.open(dir, segments, indexCapacity);
        }
        try {
            return replay(dir, segments, indexes, checkpoint, started);
        } catch (IOException | RuntimeException e) {
            indexes.close();
            throw e;
        }
    }

    private static State replay(Path dir, SegmentList segments, MessageIndexes indexes, Checkpoint checkpoint,
                                long started) throws IOException {
        long from = checkpoint == null ? 0 : checkpoint.logEnd();
        ConversationHeads heads = checkpoint == null ? new ConversationHeads() : checkpoint.heads();
        long[] last = {checkpoint == null ? 0 : checkpoint.lastMsgId()};
        long[] records = {0};
        // Inserting may read records at older positions to compare keys: let it see the whole file.
        segments.publishEnd(segments.active().end());
        LogScanner.Outcome outcome = LogScanner.scan(segments, from, (position, m) -> {
            indexes.insert(position, m);
            heads.advance(m.convId(), m.seq());
            last[0] = Math.max(last[0], m.msgId());
            records[0]++;
        });
        segments.publishEnd(outcome.end());
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("{}: opened at position {}, last msgId {}, {} conversations; re-read {} records ({} bytes) in {} ms",
                dir, outcome.end(), last[0], heads.size(), records[0], outcome.end() - from, millis);
        boolean changed = checkpoint == null || records[0] > 0 || outcome.bytesCut() > 0;
        return new State(indexes, heads, last[0], changed);
    }

    /** Why the checkpoint cannot describe these segments, or null if it can. */
    private static String contradiction(Checkpoint checkpoint, SegmentList segments) {
        Segment[] all = segments.all();
        long reach = all[0].end();
        for (int i = 1; i < all.length && reach < checkpoint.logEnd(); i++) {
            if (all[i].base() != reach) {
                return "checkpoint covers the log to position " + checkpoint.logEnd() + ", but segment " + all[i]
                        + " does not start where the one before ends (" + reach + ")";
            }
            reach = all[i].end();
        }
        if (reach < checkpoint.logEnd() || all[0].base() > checkpoint.logEnd()) {
            return "checkpoint covers the log to position " + checkpoint.logEnd() + ", but the segments hold "
                    + (reach - all[0].base()) + " bytes from position " + all[0].base();
        }
        return null;
    }

    private static String missingGenerations(Checkpoint checkpoint, MessageIndexes indexes) {
        String seq = missing(MessageIndexes.SEQ_INDEX, checkpoint.seqGenerations(), indexes.seqGenerations());
        return seq != null ? seq
                : missing(MessageIndexes.CLIENT_INDEX, checkpoint.clientGenerations(), indexes.clientGenerations());
    }

    private static String missing(String name, long[] expected, long[] present) {
        for (long generation : expected) {
            if (Arrays.binarySearch(present, generation) < 0) {
                return "index file " + GenerationalIndex.fileName(name, generation) + " named by the checkpoint is missing";
            }
        }
        return null;
    }
}
