package org.qchat.server.handler.group;

import org.qchat.protocol.packet.DissolveGroup;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Dissolves a group. */
public final class DissolveGroupHandler implements PacketHandler<DissolveGroup> {

    private final GroupService groups;

    public DissolveGroupHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<DissolveGroup> type() {
        return DissolveGroup.class;
    }

    @Override
    public void handle(RequestContext context, DissolveGroup request) throws ChatException {
        groups.dissolve(context.me().userId(), request.groupId());
        context.ok();
    }
}
