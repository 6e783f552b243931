package org.qchat.protocol.model;

/**
 * A group. {@code convId} is the conversation its messages go to; {@code role} is the asking
 * user's role, or null if they are not a member. {@code notice} is the group notice with who set
 * it and when (all three absent when there is none); {@code mutedAll} is true while only the owner
 * and admins may send (absent otherwise).
 */
public record GroupInfo(long groupId, long convId, String name, JoinPolicy joinPolicy, long ownerId,
                        int memberCount, Role role, String notice, Long noticeBy, Long noticeTime, Boolean mutedAll) {

    /** A group with no notice, not muted. */
    public GroupInfo(long groupId, long convId, String name, JoinPolicy joinPolicy, long ownerId, int memberCount, Role role) {
        this(groupId, convId, name, joinPolicy, ownerId, memberCount, role, null, null, null, null);
    }

}
