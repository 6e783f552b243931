package org.qchat.server.handler.group;

import org.qchat.protocol.packet.ListMembers;
import org.qchat.protocol.packet.MemberList;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Lists a group's members. */
public final class ListMembersHandler implements PacketHandler<ListMembers> {

    private final GroupService groups;

    public ListMembersHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<ListMembers> type() {
        return ListMembers.class;
    }

    @Override
    public void handle(RequestContext context, ListMembers request) throws ChatException {
        context.reply(new MemberList(context.id(), request.groupId(), groups.members(context.me().userId(), request.groupId())));
    }
}
