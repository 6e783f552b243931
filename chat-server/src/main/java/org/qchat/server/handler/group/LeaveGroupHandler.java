package org.qchat.server.handler.group;

import org.qchat.protocol.packet.LeaveGroup;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Leaves a group. */
public final class LeaveGroupHandler implements PacketHandler<LeaveGroup> {

    private final GroupService groups;

    public LeaveGroupHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<LeaveGroup> type() {
        return LeaveGroup.class;
    }

    @Override
    public void handle(RequestContext context, LeaveGroup request) throws ChatException {
        groups.leave(context.me().userId(), request.groupId());
        context.ok();
    }
}
