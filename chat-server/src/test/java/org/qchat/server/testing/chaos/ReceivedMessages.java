package org.qchat.server.testing.chaos;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qchat.protocol.model.MessageInfo;

/**
 * The messages one device holds, kept the way protocol.md 11.5 tells a client to: per
 * conversation, one message per seq. A second copy of a seq (push and pull, pull and pull, own
 * ack and pull) is merged; a copy that names a different message is a disagreement the caller
 * records. Only the message id is kept per seq, so a long run of many users stays small.
 *
 * <p>Not thread-safe: one user's thread owns it; other threads read it only after joining that
 * thread.
 */
public final class ReceivedMessages {

    private final Map<Long, Conversation> byConversation = new HashMap<>();

    /**
     * Holds {@code m} under {@code (convId, seq)}. Returns what disagrees if that seq already
     * holds another message (or if the seq is not positive), else empty.
     */
    public Optional<String> hold(MessageInfo m) {
        if (m.seq() <= 0 || m.seq() > Integer.MAX_VALUE) {
            return Optional.of("conv " + m.convId() + ": a message with seq " + m.seq() + " (msgId " + m.msgId() + ")");
        }
        Conversation conv = byConversation.computeIfAbsent(m.convId(), id -> new Conversation());
        long earlier = conv.put((int) m.seq(), m.msgId());
        if (earlier != 0 && earlier != m.msgId()) {
            return Optional.of("conv " + m.convId() + " seq " + m.seq() + " was msgId " + earlier
                    + ", another copy says msgId " + m.msgId() + " (" + m.clientMsgId() + ")");
        }
        return Optional.empty();
    }

    /** The message id held at {@code seq}, or 0 if none. */
    public long msgIdAt(long convId, long seq) {
        Conversation conv = byConversation.get(convId);
        return conv == null || seq <= 0 || seq > conv.highest ? 0 : conv.ids[(int) seq];
    }

    /** The highest seq held in {@code convId}, 0 if none. */
    public long highestSeq(long convId) {
        Conversation conv = byConversation.get(convId);
        return conv == null ? 0 : conv.highest;
    }

    /** The highest seq {@code s} such that every seq 1..s is held: where a pull has to start. */
    public long contiguousSeq(long convId) {
        Conversation conv = byConversation.get(convId);
        return conv == null ? 0 : conv.contiguous;
    }

    /**
     * The device's window of {@code convId} begins at {@code firstSeq} (a member who joined a group
     * later): the seqs below it are not its to hold, so a pull starts after them.
     */
    public void startAt(long convId, long firstSeq) {
        Conversation conv = byConversation.computeIfAbsent(convId, id -> new Conversation());
        conv.contiguous = (int) Math.max(conv.contiguous, firstSeq - 1);
    }

    public Set<Long> conversations() {
        return Set.copyOf(byConversation.keySet());
    }

    /** Message ids by seq (index 0 unused), grown on demand. */
    private static final class Conversation {
        long[] ids = new long[64];
        int highest;
        int contiguous;

        long put(int seq, long msgId) {
            if (seq >= ids.length) {
                ids = Arrays.copyOf(ids, Math.max(seq + 1, ids.length * 2));
            }
            long earlier = ids[seq];
            if (earlier == 0) {
                ids[seq] = msgId;
                highest = Math.max(highest, seq);
                while (contiguous < highest && contiguous + 1 < ids.length && ids[contiguous + 1] != 0) {
                    contiguous++;
                }
            }
            return earlier;
        }
    }
}
