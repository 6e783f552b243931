package org.qchat.server.handler.group;

import org.qchat.protocol.packet.SetGroupAdmin;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Grants or revokes admin. */
public final class SetGroupAdminHandler implements PacketHandler<SetGroupAdmin> {

    private final GroupService groups;

    public SetGroupAdminHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<SetGroupAdmin> type() {
        return SetGroupAdmin.class;
    }

    @Override
    public void handle(RequestContext context, SetGroupAdmin request) throws ChatException {
        groups.setAdmin(context.me().userId(), request.groupId(), request.userId(), request.admin());
        context.ok();
    }
}
