package org.qchat.server.handler.group;

import org.qchat.protocol.packet.InviteToGroup;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Adds friends to a group. */
public final class InviteToGroupHandler implements PacketHandler<InviteToGroup> {

    private final GroupService groups;

    public InviteToGroupHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<InviteToGroup> type() {
        return InviteToGroup.class;
    }

    @Override
    public void handle(RequestContext context, InviteToGroup request) throws ChatException {
        groups.invite(context.me().userId(), request.groupId(), request.userIds());
        context.ok();
    }
}
