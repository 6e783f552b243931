package org.qchat.server.store;

import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.Role;

/** A row of {@code chat_groups}; its id is also its conversation's id. */
public record GroupRecord(long id, String name, JoinPolicy joinPolicy, long ownerId, boolean dissolved) {

    public GroupInfo toInfo(int memberCount, Role callerRole) {
        return new GroupInfo(id, id, name, joinPolicy, ownerId, memberCount, callerRole);
    }
}
