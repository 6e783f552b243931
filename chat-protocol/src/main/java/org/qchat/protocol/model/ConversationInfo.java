package org.qchat.protocol.model;

/**
 * A conversation as seen by one device.
 *
 * @param peerId   for a private conversation, the other user; otherwise null
 * @param groupId  for a group conversation, the group; otherwise null
 * @param lastSeq  the highest seq this user may read (for a group they left, the seq at leaving)
 * @param ackSeq   the cursor this device last stored with {@code sync.ack}, 0 if none
 * @param active   false once the user can no longer send here (left group, friendship ended)
 */
public record ConversationInfo(long convId, ConversationKind kind, Long peerId, Long groupId, long lastSeq,
                               long ackSeq, boolean active) {
}
