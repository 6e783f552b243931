package org.qchat.server.store.message.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.config.Durability;
import org.qchat.server.store.message.MessageLog;
import org.qchat.server.store.message.MessageLogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded message store: an append-only log of records in segment files, with on-disk hash
 * indexes to reach any message without scanning. In the log's directory:
 * <pre>
 * LOCK                               pid of the process that has the log open (locked while open)
 * segment-00000000000000000000.log   records from global position 0 ({@link RecordCodec} draws one)
 * segment-00000000000067108953.log   the next segment starts where the previous one ends
 * seq-index-000001.idx               (convId, seq) hash -> position  ({@link IndexTable})
 * client-index-000001.idx            (senderId, clientMsgId) hash -> position
 * checkpoint                         state as of a position, for a fast restart ({@link Checkpoint})
 * </pre>
 * An append encodes its batch into one buffer and writes it with one positional write at the end of
 * the newest segment, then indexes it. A history page costs one index lookup and one positional read
 * per message; a clientMsgId check costs one lookup per index generation, and a read only on a hit.
 * The Java heap holds one entry per conversation (its last seq), nothing per message.
 *
 * <p>Durability: with {@link Durability#PROCESS} an append returns once the batch is in the operating
 * system's page cache, which survives {@code kill -9}; with {@link Durability#POWER} the segment is
 * also forced to the disk before it returns. Indexes are forced only at checkpoints: after a crash
 * they are brought up to date from the log ({@link Recovery}).
 *
 * <p>Threads: as {@link MessageLog} says, one writer calls {@link #append}, {@link #appendImported},
 * {@link #findByClientIds}, {@link #erase} and finally {@link #close}; {@link #range} and
 * {@link #forEachHead} may run on any thread at any time before {@code close}. A range that is still
 * running when {@code close} is called finishes first.
 *
 * <p>Failure: an I/O error throws {@link MessageLogException}. A failed append is undone (the segment
 * cut back to where the batch started) before the exception is thrown, so the log is as if it had
 * never been called; if even the undo fails, every later append is refused until the log is reopened.
 */
public final class SegmentedMessageLog implements MessageLog {

    private static final Logger log = LoggerFactory.getLogger(SegmentedMessageLog.class);
    private static final int WRITE_BUFFER = 64 * 1024;
    /** A batch larger than this gets a buffer of its own rather than growing the kept one for good. */
    private static final int KEPT_WRITE_BUFFER_MAX = 1024 * 1024;

    private final Path dir;
    private final Durability durability;
    private final LogOptions options;
    private final DirectoryLock lock;
    private final SegmentList segments;
    private final MessageIndexes indexes;
    private final ConversationHeads heads;
    /** Readers hold it shared while they use the files; close takes it exclusively before unmapping. */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
    private ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER);
    private long lastMsgId;
    private boolean checkpointDue;
    private boolean broken;
    private volatile boolean closed;

    private SegmentedMessageLog(Path dir, Durability durability, LogOptions options, DirectoryLock lock,
                                SegmentList segments, Recovery.State state) {
        this.dir = dir;
        this.durability = durability;
        this.options = options;
        this.lock = lock;
        this.segments = segments;
        this.indexes = state.indexes();
        this.heads = state.heads();
        this.lastMsgId = state.lastMsgId();
    }

    /** Opens (creating if need be) the log in {@code dir} with the default sizes. */
    public static SegmentedMessageLog open(Path dir, Durability durability) {
        return open(dir, durability, LogOptions.defaults());
    }

    /**
     * Opens (creating if need be) the log in {@code dir}: locks it, then recovers ({@link Recovery}).
     * Throws {@link MessageLogException} if another process (or another open log in this JVM) has the
     * directory, naming its pid, or if the files cannot be read or written.
     */
    public static SegmentedMessageLog open(Path dir, Durability durability, LogOptions options) {
        Path absolute = dir.toAbsolutePath();
        DirectoryLock lock = null;
        SegmentList segments = null;
        Recovery.State state = null;
        try {
            Files.createDirectories(absolute);
            lock = DirectoryLock.acquire(absolute);
            segments = SegmentList.open(absolute);
            state = Recovery.recover(absolute, segments, options.indexCapacity());
            SegmentedMessageLog opened = new SegmentedMessageLog(absolute, durability, options, lock, segments, state);
            if (state.changed()) {
                opened.checkpointDue = true;
                opened.writeCheckpointIfDue();
            }
            return opened;
        } catch (IOException | RuntimeException e) {
            closeQuietly(state == null ? null : state.indexes());
            closeQuietly(segments);
            closeQuietly(lock);
            if (e instanceof MessageLogException mle) {
                throw mle;
            }
            throw new MessageLogException(absolute + ": cannot open the message log: " + e, e);
        }
    }

    @Override
    public void forEachHead(HeadVisitor visitor) {
        heads.forEach(visitor);
    }

    @Override
    public List<MessageInfo> append(List<Append> batch) {
        requireWritable();
        List<MessageInfo> stored = new ArrayList<>(batch.size());
        long id = lastMsgId;
        for (Append a : batch) {
            stored.add(new MessageInfo(++id, a.convId(), a.seq(), a.senderId(), a.clientMsgId(), a.text(), a.time()));
        }
        write(stored);
        return stored;
    }

    /**
     * Appends messages that keep their msgId, seq and time: an upgrade moving an older store's
     * messages into this log, once, before the server serves. Later appends continue after the last
     * imported msgId. Throws IllegalArgumentException, storing nothing, unless the msgIds increase
     * and the first exceeds every msgId already stored.
     */
    public void appendImported(List<MessageInfo> messages) {
        requireWritable();
        long previous = lastMsgId;
        for (MessageInfo m : messages) {
            if (m.msgId() <= previous) {
                throw new IllegalArgumentException("imported msgId " + m.msgId() + " does not exceed " + previous
                        + ": ids must increase and follow the last stored id");
            }
            previous = m.msgId();
        }
        write(messages);
    }

    @Override
    public Map<ClientKey, MessageInfo> findByClientIds(Collection<ClientKey> keys) {
        Map<ClientKey, MessageInfo> found = new HashMap<>();
        withFiles(() -> {
            for (ClientKey key : keys) {
                MessageIndexes.Found hit = indexes.findByClientId(key.senderId(), key.clientMsgId());
                if (hit != null) {
                    found.put(key, hit.message());
                }
            }
            return null;
        });
        return found;
    }

    /**
     * {@inheritDoc} Reads seqs {@code max(1, fromSeq)} onwards, up to the conversation's head, at most
     * {@code limit} of them: one index lookup and one positional read each. Seqs are gapless, so
     * that is the whole answer.
     */
    @Override
    public List<MessageInfo> range(long convId, long fromSeq, long toSeq, int limit) {
        if (fromSeq > toSeq || limit <= 0) {
            return List.of();
        }
        return withFiles(() -> {
            long lo = Math.max(1, fromSeq);
            long hi = Math.min(toSeq, heads.get(convId));
            if (lo > hi) {
                return List.of();
            }
            int count = (int) Math.min(limit, hi - lo + 1);
            List<MessageInfo> page = new ArrayList<>(count);
            for (long seq = lo; seq < lo + count; seq++) {
                MessageIndexes.Found hit = indexes.findBySeq(convId, seq, true);
                if (hit != null) {
                    page.add(hit.message());
                }
            }
            return page;
        });
    }

    /**
     * {@inheritDoc} The record is rewritten in place with the same length: first its erased flag alone
     * (so that a write torn by a crash still reads as erased, see {@link LogScanner}), then the whole
     * record with the text's bytes zeroed and the CRC recomputed. Under {@link Durability#POWER} each
     * write is forced. Erasing an erased message changes nothing and returns true.
     */
    @Override
    public boolean erase(long convId, long seq) {
        requireWritable();
        return withFiles(() -> {
            MessageIndexes.Found hit = indexes.findBySeq(convId, seq, false);
            if (hit == null) {
                return false;
            }
            ByteBuffer record = hit.record();
            if (RecordCodec.isErased(record, 0)) {
                return true;
            }
            Segment segment = segments.locate(hit.position());
            long offset = hit.position() - segment.base();
            byte flags = (byte) (record.get(RecordCodec.FLAGS_OFFSET) | RecordCodec.FLAG_ERASED);
            segment.overwrite(ByteBuffer.wrap(new byte[] {flags}), offset + RecordCodec.FLAGS_OFFSET);
            forceIfPower(segment);
            RecordCodec.erase(record, 0, record.limit());
            segment.overwrite(record.position(0), offset);
            forceIfPower(segment);
            return true;
        });
    }

    /**
     * Writes a checkpoint (after forcing segments and indexes), unmaps the indexes, closes the files
     * and releases the directory. Idempotent. Throws {@link MessageLogException} if the checkpoint
     * could not be written; the files are released all the same, and the next open re-reads the log
     * from the previous checkpoint.
     */
    @Override
    public void close() {
        inUse.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            inUse.writeLock().unlock();
        }
        IOException failure = null;
        if (!broken) {
            try {
                checkpointDue = true;
                writeCheckpointIfDue();
            } catch (IOException e) {
                failure = e;
            }
        }
        indexes.close();
        closeQuietly(segments);
        closeQuietly(lock);
        if (failure != null) {
            throw new MessageLogException(dir + ": could not write the checkpoint on close: " + failure, failure);
        }
    }

    /**
     * Test only: lets go of the files and the lock as a killed process would, with no checkpoint and
     * no force, so that the next open recovers from whatever the files hold.
     */
    void abandon() {
        inUse.writeLock().lock();
        try {
            closed = true;
        } finally {
            inUse.writeLock().unlock();
        }
        indexes.close();
        closeQuietly(segments);
        closeQuietly(lock);
    }

    private void write(List<MessageInfo> messages) {
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
            throw new MessageLogException(dir + ": could not start a new segment; nothing of the batch was stored: " + e, e);
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
        Segment active = segments.active();
        if (active.size() >= options.segmentSize()) {
            active.force();
            segments.roll();
            checkpointDue = true;
        }
        writeCheckpointIfDue();
    }

    /**
     * Writes the checkpoint if one is due: forces the active segment and the index tables first, so
     * that everything the checkpoint covers is on disk before it says so. Stays due if it fails.
     */
    private void writeCheckpointIfDue() throws IOException {
        if (!checkpointDue) {
            return;
        }
        segments.active().force();
        indexes.force();
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

    private void requireWritable() {
        if (closed) {
            throw new MessageLogException(dir + ": the message log is closed");
        }
        if (broken) {
            throw new MessageLogException(dir + ": the message log refuses appends after a failed write "
                    + "it could not undo; restart the server");
        }
    }

    private interface FileWork<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} while the files stay open, turning I/O errors into {@link MessageLogException}. */
    private <T> T withFiles(FileWork<T> work) {
        inUse.readLock().lock();
        try {
            if (closed) {
                throw new MessageLogException(dir + ": the message log is closed");
            }
            return work.run();
        } catch (IOException e) {
            throw new MessageLogException(dir + ": cannot read the message log: " + e, e);
        } finally {
            inUse.readLock().unlock();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("closing {} failed: {}", closeable, e.toString());
        }
    }
}
