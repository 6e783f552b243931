package org.qchat.server.handler.group;

import org.qchat.protocol.packet.MuteMember;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Mutes or unmutes a member. */
public final class MuteMemberHandler implements PacketHandler<MuteMember> {

    private final GroupService groups;

    public MuteMemberHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<MuteMember> type() {
        return MuteMember.class;
    }

    @Override
    public void handle(RequestContext context, MuteMember request) throws ChatException {
        groups.moderation().mute(context.me().userId(), request.groupId(), request.userId(), request.minutes());
        context.ok();
    }
}
