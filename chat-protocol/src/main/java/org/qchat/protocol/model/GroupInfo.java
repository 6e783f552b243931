package org.qchat.protocol.model;

/**
 * A group. {@code convId} is the conversation its messages go to; {@code role} is the asking
 * user's role, or null if they are not a member.
 */
public record GroupInfo(long groupId, long convId, String name, JoinPolicy joinPolicy, long ownerId,
                        int memberCount, Role role) {
}
