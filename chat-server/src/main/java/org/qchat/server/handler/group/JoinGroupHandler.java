package org.qchat.server.handler.group;

import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.JoinGroup;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Joins an open group. */
public final class JoinGroupHandler implements PacketHandler<JoinGroup> {

    private final GroupService groups;

    public JoinGroupHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<JoinGroup> type() {
        return JoinGroup.class;
    }

    @Override
    public void handle(RequestContext context, JoinGroup request) throws ChatException {
        context.reply(new GroupReply(context.id(), groups.join(context.me().userId(), request.groupId())));
    }
}
