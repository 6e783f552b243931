package org.qchat.server.store.message.file;

import java.util.List;

import org.agrona.collections.Long2LongHashMap;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.server.store.message.MessageLog;

/**
 * Each conversation's last stored seq: one primitive map entry per conversation (not per message),
 * so it grows with the number of conversations, never with history.
 *
 * <p>Threads: the writer advances heads once per batch; readers ask for one head per range. Every
 * access holds this object's monitor, which is uncontended but for a few nanoseconds per batch. A
 * reader that sees a head also sees the index entries of every seq up to it, which the writer
 * inserted before advancing the head.
 */
final class ConversationHeads {

    private static final long NONE = 0;

    private final Long2LongHashMap heads = new Long2LongHashMap(NONE);

    /** The last seq stored in {@code convId}, 0 if none. */
    synchronized long get(long convId) {
        return heads.get(convId);
    }

    /** Raises the heads of the conversations in {@code stored} to their seqs. */
    synchronized void advance(List<MessageInfo> stored) {
        for (MessageInfo m : stored) {
            advance(m.convId(), m.seq());
        }
    }

    /** Raises {@code convId}'s head to {@code seq} if it is lower. */
    synchronized void advance(long convId, long seq) {
        if (seq > heads.get(convId)) {
            heads.put(convId, seq);
        }
    }

    /** A copy of every head as of now, for a checkpoint written while appends go on. */
    synchronized ConversationHeads copy() {
        ConversationHeads copy = new ConversationHeads();
        heads.forEachLong(copy.heads::put);
        return copy;
    }

    synchronized int size() {
        return heads.size();
    }

    /**
     * Calls {@code visitor} for every head, outside the lock: on a copy taken under it, so a slow
     * visitor never stalls the writer.
     */
    void forEach(MessageLog.HeadVisitor visitor) {
        long[] convIds;
        long[] seqs;
        synchronized (this) {
            convIds = new long[heads.size()];
            seqs = new long[heads.size()];
            int[] i = {0};
            heads.forEachLong((conv, seq) -> {
                convIds[i[0]] = conv;
                seqs[i[0]] = seq;
                i[0]++;
            });
        }
        for (int i = 0; i < convIds.length; i++) {
            visitor.head(convIds[i], seqs[i]);
        }
    }
}
