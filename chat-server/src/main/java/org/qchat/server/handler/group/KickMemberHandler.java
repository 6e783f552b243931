package org.qchat.server.handler.group;

import org.qchat.protocol.packet.KickMember;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Removes a member. */
public final class KickMemberHandler implements PacketHandler<KickMember> {

    private final GroupService groups;

    public KickMemberHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<KickMember> type() {
        return KickMember.class;
    }

    @Override
    public void handle(RequestContext context, KickMember request) throws ChatException {
        groups.kick(context.me().userId(), request.groupId(), request.userId());
        context.ok();
    }
}
