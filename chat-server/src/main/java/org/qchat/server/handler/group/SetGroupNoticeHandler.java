package org.qchat.server.handler.group;

import org.qchat.protocol.packet.SetGroupNotice;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupModeration;

/** Sets the group notice. */
public final class SetGroupNoticeHandler implements PacketHandler<SetGroupNotice> {

    private final GroupModeration moderation;

    public SetGroupNoticeHandler(GroupModeration moderation) {
        this.moderation = moderation;
    }

    @Override
    public Class<SetGroupNotice> type() {
        return SetGroupNotice.class;
    }

    @Override
    public void handle(RequestContext context, SetGroupNotice request) throws ChatException {
        moderation.setNotice(context.me().userId(), request.groupId(), request.text());
        context.ok();
    }
}
