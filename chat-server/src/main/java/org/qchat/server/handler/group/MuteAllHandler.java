package org.qchat.server.handler.group;

import org.qchat.protocol.packet.MuteAll;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupModeration;

/** Mutes or unmutes every plain member. */
public final class MuteAllHandler implements PacketHandler<MuteAll> {

    private final GroupModeration moderation;

    public MuteAllHandler(GroupModeration moderation) {
        this.moderation = moderation;
    }

    @Override
    public Class<MuteAll> type() {
        return MuteAll.class;
    }

    @Override
    public void handle(RequestContext context, MuteAll request) throws ChatException {
        moderation.muteAll(context.me().userId(), request.groupId(), request.muted());
        context.ok();
    }
}
