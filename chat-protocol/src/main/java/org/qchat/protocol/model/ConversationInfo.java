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
 */
public record ConversationInfo(long convId, ConversationKind kind, Long peerId, Long groupId, long lastSeq,
                               long ackSeq, boolean active) {
}
