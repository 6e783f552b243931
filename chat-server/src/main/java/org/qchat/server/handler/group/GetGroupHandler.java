package org.qchat.server.handler.group;

import org.qchat.protocol.packet.GetGroup;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Shows one group. */
public final class GetGroupHandler implements PacketHandler<GetGroup> {

    private final GroupService groups;

    public GetGroupHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<GetGroup> type() {
        return GetGroup.class;
    }

    @Override
    public void handle(RequestContext context, GetGroup request) throws ChatException {
        context.reply(new GroupReply(context.id(), groups.get(context.me().userId(), request.groupId())));
    }
}
