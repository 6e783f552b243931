package org.qchat.server.handler.group;

import org.qchat.protocol.packet.SetGroupNotice;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Sets the group notice. */
public final class SetGroupNoticeHandler implements PacketHandler<SetGroupNotice> {

    private final GroupService groups;

    public SetGroupNoticeHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<SetGroupNotice> type() {
        return SetGroupNotice.class;
    }

    @Override
    public void handle(RequestContext context, SetGroupNotice request) throws ChatException {
        groups.moderation().setNotice(context.me().userId(), request.groupId(), request.text());
        context.ok();
    }
}
