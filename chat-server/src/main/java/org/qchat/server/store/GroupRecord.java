package org.qchat.server.store;

import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.Role;

/**
 * A row of {@code chat_groups}; its id is also its conversation's id. {@code notice},
 * {@code noticeBy} and {@code noticeTime} are null when the group has no notice.
 */
public record GroupRecord(long id, String name, JoinPolicy joinPolicy, long ownerId, boolean dissolved,
                          String notice, Long noticeBy, Long noticeTime, boolean mutedAll) {

    public GroupInfo toInfo(int memberCount, Role callerRole) {
        return new GroupInfo(id, id, name, joinPolicy, ownerId, memberCount, callerRole, notice, noticeBy, noticeTime,
                mutedAll ? Boolean.TRUE : null);
    }
}
