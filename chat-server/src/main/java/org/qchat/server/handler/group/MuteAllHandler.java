package org.qchat.server.handler.group;

import org.qchat.protocol.packet.MuteAll;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Mutes or unmutes every plain member. */
public final class MuteAllHandler implements PacketHandler<MuteAll> {

    private final GroupService groups;

    public MuteAllHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<MuteAll> type() {
        return MuteAll.class;
    }

    @Override
    public void handle(RequestContext context, MuteAll request) throws ChatException {
        groups.moderation().muteAll(context.me().userId(), request.groupId(), request.muted());
        context.ok();
    }
}
