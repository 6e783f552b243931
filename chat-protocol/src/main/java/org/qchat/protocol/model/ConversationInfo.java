package org.qchat.protocol.model;

/**
 * A conversation as seen by one device.
 *
 * @param peerId   for a private conversation, the other user; otherwise null
 * @param groupId  for a group conversation, the group; otherwise null
 * @param lastSeq  the highest seq this user may read (for a group they left, the seq at leaving)
 * @param ackSeq   the cursor this device last stored with {@code sync.ack}, 0 if none
 * @param active   true while the user is a member (friend, group member; every user for the system
 *                 conversation, though only admins send there); false once the membership ended
 * @param readSeq  the user's read cursor ({@code msg.read}), the same on all their devices; null
 *                 (omitted on the wire) when 0
 * @param pinned   true when the user pinned the conversation; null (omitted) when not
 * @param dnd      true when the user muted its notifications (do not disturb); null (omitted) when not
 */
public record ConversationInfo(long convId, ConversationKind kind, Long peerId, Long groupId, long lastSeq,
                               long ackSeq, boolean active, Long readSeq, Boolean pinned, Boolean dnd) {

    public ConversationInfo {
        readSeq = readSeq == null || readSeq == 0 ? null : readSeq;
        pinned = Boolean.TRUE.equals(pinned) ? Boolean.TRUE : null;
        dnd = Boolean.TRUE.equals(dnd) ? Boolean.TRUE : null;
    }

    /** A conversation nothing was read in and with no settings. */
    public ConversationInfo(long convId, ConversationKind kind, Long peerId, Long groupId, long lastSeq,
                            long ackSeq, boolean active) {
        this(convId, kind, peerId, groupId, lastSeq, ackSeq, active, null, null, null);
    }

    /** The read cursor, 0 when none. (Not named like a getter: the codec would take it for a field.) */
    public long readCursor() {
        return readSeq == null ? 0 : readSeq;
    }

    public boolean pinnedOn() {
        return Boolean.TRUE.equals(pinned);
    }

    public boolean muted() {
        return Boolean.TRUE.equals(dnd);
    }
}
