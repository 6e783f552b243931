package org.qchat.server.store;

/**
 * A stretch of a conversation a user may read: seqs {@code fromSeq..untilSeq} inclusive;
 * {@code untilSeq} is null while the membership lasts.
 */
public record MembershipPeriod(long convId, long fromSeq, Long untilSeq) {

    public boolean isOpen() {
        return untilSeq == null;
    }

    /** The highest seq of this period given the conversation's current last seq. */
    public long lastVisible(long conversationLastSeq) {
        return untilSeq == null ? conversationLastSeq : Math.min(untilSeq, conversationLastSeq);
    }

    /** Whether the period holds at least one message, given the conversation's last seq. */
    public boolean hasMessages(long conversationLastSeq) {
        return lastVisible(conversationLastSeq) >= fromSeq;
    }
}
