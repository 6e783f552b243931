package org.qchat.server.store.message.file;

import java.io.IOException;
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
    /** A range asked for with a huge limit grows its list as it finds messages, not all at once. */
    private static final int PAGE_CAPACITY = 256;

    private final Path dir;
    private final DirectoryLock lock;
    private final SegmentList segments;
    private final MessageIndexes indexes;
    private final ConversationHeads heads;
    private final LogWriter writer;
    /** Readers hold it shared while they use the files; close takes it exclusively before unmapping. */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private SegmentedMessageLog(Path dir, Durability durability, LogOptions options, DirectoryLock lock,
                                SegmentList segments, Recovery.State state) {
        this.dir = dir;
        this.lock = lock;
        this.segments = segments;
        this.indexes = state.indexes();
        this.heads = state.heads();
        this.writer = new LogWriter(dir, durability, options, segments, indexes, heads, state.lastMsgId());
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
                opened.writer.checkpoint();
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
        long id = writer.lastMsgId();
        for (Append a : batch) {
            stored.add(a.stored(++id));
        }
        writer.write(stored);
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
        long previous = writer.lastMsgId();
        for (MessageInfo m : messages) {
            if (m.msgId() <= previous) {
                throw new IllegalArgumentException("imported msgId " + m.msgId() + " does not exceed " + previous
                        + ": ids must increase and follow the last stored id");
            }
            previous = m.msgId();
        }
        writer.write(messages);
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
            List<MessageInfo> page = new ArrayList<>(Math.min(count, PAGE_CAPACITY));
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
     * {@inheritDoc} The record is rewritten in place with its text's bytes zeroed ({@link LogWriter#erase}).
     * Erasing an erased message changes nothing and returns true.
     */
    @Override
    public boolean erase(long convId, long seq) {
        requireWritable();
        return withFiles(() -> writer.erase(convId, seq));
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
        writer.stopCheckpoints();
        if (!writer.isBroken()) {
            try {
                writer.checkpoint();
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
        // A checkpoint under way finishes first (as if the kill came after it): it may be forcing a table.
        writer.stopCheckpoints();
        indexes.close();
        closeQuietly(segments);
        closeQuietly(lock);
    }

    private void requireWritable() {
        if (closed) {
            throw new MessageLogException(dir + ": the message log is closed");
        }
        if (writer.isBroken()) {
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
            throw new MessageLogException(dir + ": message log I/O failed: " + e, e);
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
