package org.qchat.server.handler.group;

import org.qchat.protocol.packet.CreateGroup;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Creates a group. */
public final class CreateGroupHandler implements PacketHandler<CreateGroup> {

    private final GroupService groups;

    public CreateGroupHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<CreateGroup> type() {
        return CreateGroup.class;
    }

    @Override
    public void handle(RequestContext context, CreateGroup request) throws ChatException {
        context.reply(new GroupReply(context.id(), groups.create(context.me().userId(), request.name(), request.joinPolicy())));
    }
}
