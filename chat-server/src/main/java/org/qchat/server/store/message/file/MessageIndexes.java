package org.qchat.server.store.message.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.qchat.protocol.model.MessageInfo;

/**
 * The two ways to a message without scanning: the seq index, (convId, seq) to position, and the
 * client index, (senderId, clientMsgId) to position. Both hold hashes, not keys; every hit is read
 * from the log and its real key compared, so a stale or colliding slot reads as absent.
 *
 * <p>Threads: the writer inserts and forces; lookups run on any thread, also during inserts.
 */
final class MessageIndexes implements AutoCloseable {

    static final String SEQ_INDEX = "seq-index";
    static final String CLIENT_INDEX = "client-index";

    /** A message found through an index, with the record's position and bytes (for an erase). */
    record Found(long position, ByteBuffer record, MessageInfo message) {
    }

    private final SegmentList segments;
    private final GenerationalIndex bySeq;
    private final GenerationalIndex byClientId;

    private MessageIndexes(SegmentList segments, GenerationalIndex bySeq, GenerationalIndex byClientId) {
        this.segments = segments;
        this.bySeq = bySeq;
        this.byClientId = byClientId;
    }

    /** Maps the index generations in {@code dir}, creating the first ones if there are none. */
    static MessageIndexes open(Path dir, SegmentList segments, int capacity) throws IOException {
        GenerationalIndex bySeq = GenerationalIndex.open(dir, SEQ_INDEX, capacity);
        try {
            return new MessageIndexes(segments, bySeq, GenerationalIndex.open(dir, CLIENT_INDEX, capacity));
        } catch (IOException | RuntimeException e) {
            bySeq.close();
            throw e;
        }
    }

    /** Deletes both indexes' files, so that {@link #open} starts them empty. */
    static void deleteAll(Path dir) throws IOException {
        GenerationalIndex.deleteAll(dir, SEQ_INDEX);
        GenerationalIndex.deleteAll(dir, CLIENT_INDEX);
    }

    long[] seqGenerations() {
        return bySeq.generations();
    }

    long[] clientGenerations() {
        return byClientId.generations();
    }

    /** Indexes the record of {@code m} at {@code position}; inserting it again is harmless. Writer only. */
    void insert(long position, MessageInfo m) throws IOException {
        bySeq.insert(KeyHash.seq(m.convId(), m.seq()), position,
                at -> bySeq(at, m.convId(), m.seq(), false) != null);
        byClientId.insert(KeyHash.client(m.senderId(), m.clientMsgId()), position,
                at -> byClientId(at, m.senderId(), m.clientMsgId(), false) != null);
    }

    /** The message at (convId, seq), or null. Thread-safe. */
    Found findBySeq(long convId, long seq, boolean withText) throws IOException {
        return bySeq.find(KeyHash.seq(convId, seq), at -> bySeq(at, convId, seq, withText));
    }

    /** The message (senderId, clientMsgId), or null. Thread-safe. */
    Found findByClientId(long senderId, String clientMsgId) throws IOException {
        return byClientId.find(KeyHash.client(senderId, clientMsgId), at -> byClientId(at, senderId, clientMsgId, true));
    }

    /** Forces both indexes' changed tables to the disk. Writer only. */
    void force() {
        bySeq.force();
        byClientId.force();
    }

    /** Both indexes' tables changed since the last force or take (all of them if {@code all}). Writer only. */
    List<IndexTable> takeUnforced(boolean all) {
        List<IndexTable> tables = new ArrayList<>(bySeq.takeUnforced(all));
        tables.addAll(byClientId.takeUnforced(all));
        return tables;
    }

    @Override
    public void close() {
        bySeq.close();
        byClientId.close();
    }

    private Found bySeq(long position, long convId, long seq, boolean withText) throws IOException {
        Found found = read(position, withText);
        return found != null && found.message().convId() == convId && found.message().seq() == seq ? found : null;
    }

    private Found byClientId(long position, long senderId, String clientMsgId, boolean withText) throws IOException {
        Found found = read(position, withText);
        return found != null && found.message().senderId() == senderId
                && found.message().clientMsgId().equals(clientMsgId) ? found : null;
    }

    private Found read(long position, boolean withText) throws IOException {
        ByteBuffer record = segments.readRecord(position);
        if (record == null) {
            return null;
        }
        MessageInfo m = RecordCodec.readChecked(record, withText);
        return m == null ? null : new Found(position, record, m);
    }
}
