package org.qchat.server.handler.group;

import org.qchat.protocol.packet.GroupList;
import org.qchat.protocol.packet.ListGroups;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Lists my groups. */
public final class ListGroupsHandler implements PacketHandler<ListGroups> {

    private final GroupService groups;

    public ListGroupsHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<ListGroups> type() {
        return ListGroups.class;
    }

    @Override
    public void handle(RequestContext context, ListGroups request) throws ChatException {
        context.reply(new GroupList(context.id(), groups.list(context.me().userId())));
    }
}
