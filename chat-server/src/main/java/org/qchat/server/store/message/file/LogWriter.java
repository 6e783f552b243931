package org.qchat.server.store.message.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.config.Durability;
import org.qchat.server.store.message.MessageLogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's half of the log: encodes a batch into one buffer, writes it with one positional
 * write at the end of the active segment (forced under {@link Durability#POWER}), publishes the new
 * end, indexes the records and raises the heads, in that order, so that a reader who sees a head
 * finds every record up to it. Rolls to a new segment once the active one has passed the segment
 * size, and writes checkpoints. Erases records in place.
 *
 * <p>A roll's checkpoint is written off the append path, by a thread of its own: forcing a whole
 * segment and the index tables to the disk takes up to hundreds of milliseconds, and the thread
 * appending may be one that must never block (see {@code Storage.appendsNeverWait}). The state it
 * records (log end, last msgId, index generations, heads) is taken at the roll, on the writer, so
 * it describes exactly the log up to there; the tables are forced with whatever later appends put
 * in them, which recovery tolerates (an entry beyond the checkpoint's end is checked against its
 * record like any other). Checkpoints are written in order, one at a time; a synchronous one
 * ({@link #checkpoint()}) first waits for those queued.
 *
 * <p>Threads: the log's one writer only; the checkpoint thread touches only what a roll hands it.
 *
 * <p>Failure: a batch that fails is undone (the segment cut back to where it started) before the
 * {@link MessageLogException} is thrown; if the undo fails too, the writer is broken and refuses
 * every later write until the log is reopened, whose recovery cuts what the failed batch left.
 */
final class LogWriter {

    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);
    private static final int WRITE_BUFFER = 64 * 1024;
    /** A batch larger than this gets a buffer of its own rather than growing the kept one for good. */
    private static final int KEPT_WRITE_BUFFER_MAX = 1024 * 1024;

    private final Path dir;
    private final Durability durability;
    private final LogOptions options;
    private final SegmentList segments;
    private final MessageIndexes indexes;
    private final ConversationHeads heads;
    private ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER);
    private long lastMsgId;
    private boolean checkpointDue;
    private boolean broken;
    /** Writes roll checkpoints in order; started with the first roll. */
    private ExecutorService checkpoints;
    /** Set by the checkpoint thread when one failed: the next forces every index table, not just the changed ones. */
    private volatile boolean checkpointFailed;

    LogWriter(Path dir, Durability durability, LogOptions options, SegmentList segments, MessageIndexes indexes,
              ConversationHeads heads, long lastMsgId) {
        this.dir = dir;
        this.durability = durability;
        this.options = options;
        this.segments = segments;
        this.indexes = indexes;
        this.heads = heads;
        this.lastMsgId = lastMsgId;
    }

    /** The highest msgId stored, 0 if none. */
    long lastMsgId() {
        return lastMsgId;
    }

    /** Whether a failed write could not be undone: nothing more may be written. */
    boolean isBroken() {
        return broken;
    }

    /**
     * Appends {@code messages}, whose msgIds the caller chose above {@link #lastMsgId()}, ascending.
     * Throws IllegalArgumentException (writing nothing) for a message that cannot be a record, and
     * {@link MessageLogException} for an I/O failure, after undoing the batch.
     */
    void write(List<MessageInfo> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<RecordCodec.Encoded> encoded = new ArrayList<>(messages.size());
        long total = 0;
        for (MessageInfo m : messages) {
            RecordCodec.Encoded e = RecordCodec.prepare(m);
            encoded.add(e);
            total += e.length();
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a batch of " + total + " bytes is too large for one write");
        }
        try {
            rollIfFull();
        } catch (IOException e) {
            throw new MessageLogException(dir + ": could not roll to a new segment or write its checkpoint; nothing of "
                    + "the batch was stored: " + e, e);
        }
        Segment active = segments.active();
        long sizeBefore = active.size();
        long start = active.end();
        ByteBuffer buffer = writeBuffer((int) total);
        for (RecordCodec.Encoded e : encoded) {
            RecordCodec.write(e, buffer);
        }
        buffer.flip();
        try {
            active.write(buffer);
            forceIfPower(active);
            segments.publishEnd(start + total);
            long position = start;
            for (RecordCodec.Encoded e : encoded) {
                indexes.insert(position, e.message());
                position += e.length();
            }
        } catch (IOException | RuntimeException e) {
            throw undo(active, sizeBefore, start, messages.size(), e);
        }
        lastMsgId = messages.get(messages.size() - 1).msgId();
        heads.advance(messages);
    }

    /**
     * Erases the text of (convId, seq) in place, with the record's length unchanged: first its erased
     * flag alone (so that a write torn by a crash still reads as erased, see {@link LogScanner}), then
     * the whole record with the text's bytes zeroed and the CRC recomputed. Under
     * {@link Durability#POWER} each write is forced. Returns false if there is no such message; an
     * erased one is written again, zeroed, which completes an erase that a crash cut between its two
     * writes.
     */
    boolean erase(long convId, long seq) throws IOException {
        MessageIndexes.Found hit = indexes.findBySeq(convId, seq, false);
        if (hit == null) {
            return false;
        }
        ByteBuffer record = hit.record();
        Segment segment = segments.locate(hit.position());
        long offset = hit.position() - segment.base();
        // Already flagged, the text may still be there: a crash between the two writes leaves it so.
        // Writing the zeroed record again costs one write and finishes such an erase.
        if (!RecordCodec.isErased(record, 0)) {
            byte flags = (byte) (record.get(RecordCodec.FLAGS_OFFSET) | RecordCodec.FLAG_ERASED);
            segment.overwrite(ByteBuffer.wrap(new byte[] {flags}), offset + RecordCodec.FLAGS_OFFSET);
            forceIfPower(segment);
        }
        RecordCodec.erase(record, 0, record.limit());
        segment.overwrite(record.position(0), offset);
        forceIfPower(segment);
        return true;
    }

    /**
     * Forces the active segment and the index tables, then writes the checkpoint, so that everything
     * it covers is on the disk before it says so. If it fails, the next batch tries again.
     */
    void checkpoint() throws IOException {
        checkpointDue = true;
        writeCheckpointIfDue();
    }

    /**
     * Cuts the segment back to where the failed batch started. Index entries it already made are left
     * behind: they point at or past the cut, so their key check fails until a later record there
     * takes their place. An interrupt (which closes the channel under the failed write) is set aside
     * while undoing, or the undo would fail on it too.
     */
    private MessageLogException undo(Segment active, long sizeBefore, long start, int count, Exception cause) {
        boolean interrupted = Thread.interrupted();
        try {
            segments.publishEnd(start);
            active.truncate(sizeBefore);
            forceIfPower(active);
        } catch (IOException | RuntimeException second) {
            broken = true;
            cause.addSuppressed(second);
            return new MessageLogException(dir + ": an append failed and could not be undone; the log refuses "
                    + "appends until it is reopened (which cuts the incomplete batch): " + cause, cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return new MessageLogException(dir + ": append of " + count + " messages failed; none was stored: " + cause, cause);
    }

    /** Starts a new segment when the active one has passed the segment size, and checkpoints there. */
    private void rollIfFull() throws IOException {
        writeCheckpointIfDue();
        Segment finished = segments.active();
        if (finished.size() < options.segmentSize()) {
            return;
        }
        segments.roll();
        Checkpoint state = new Checkpoint(segments.end(), lastMsgId, indexes.seqGenerations(),
                indexes.clientGenerations(), heads.copy());
        List<IndexTable> tables = indexes.takeUnforced(checkpointFailed);
        checkpointFailed = false;
        if (checkpoints == null) {
            checkpoints = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "qchat-log-checkpoint");
                t.setDaemon(true);
                return t;
            });
        }
        checkpoints.execute(() -> {
            try {
                finished.force();
                tables.forEach(IndexTable::force);
                state.write(dir);
            } catch (IOException | RuntimeException e) {
                // The previous checkpoint stays; a restart re-reads more of the log, nothing is lost.
                checkpointFailed = true;
                log.warn("{}: could not write the checkpoint at position {}: {}", dir, state.logEnd(), e.toString());
            }
        });
    }

    /** Lets the checkpoints queued by rolls finish, then stops their thread. Called before the log closes. */
    void stopCheckpoints() {
        if (checkpoints == null) {
            return;
        }
        checkpoints.shutdown();
        awaitCheckpoints();
        checkpoints = null;
    }

    private void awaitCheckpoints() {
        boolean interrupted = false;
        while (true) {
            try {
                if (checkpoints.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
                log.warn("{}: still waiting for a checkpoint to be written", dir);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeCheckpointIfDue() throws IOException {
        if (!checkpointDue) {
            return;
        }
        stopCheckpoints();
        segments.active().force();
        indexes.takeUnforced(checkpointFailed).forEach(IndexTable::force);
        checkpointFailed = false;
        new Checkpoint(segments.end(), lastMsgId, indexes.seqGenerations(), indexes.clientGenerations(), heads).write(dir);
        checkpointDue = false;
    }

    private ByteBuffer writeBuffer(int size) {
        if (size > KEPT_WRITE_BUFFER_MAX) {
            return ByteBuffer.allocate(size);
        }
        if (writeBuffer.capacity() < size) {
            writeBuffer = ByteBuffer.allocateDirect(Math.max(size, writeBuffer.capacity() * 2));
        }
        return writeBuffer.clear();
    }

    private void forceIfPower(Segment segment) throws IOException {
        if (durability == Durability.POWER) {
            segment.force();
        }
    }
}
