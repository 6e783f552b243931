package org.qchat.server.handler.readstate;

import org.qchat.protocol.packet.SetFriendRemark;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.SettingsService;

/** Sets the user's remark for a friend (`friend.remark`). */
public final class SetFriendRemarkHandler implements PacketHandler<SetFriendRemark> {

    private final SettingsService service;

    public SetFriendRemarkHandler(SettingsService service) {
        this.service = service;
    }

    @Override
    public Class<SetFriendRemark> type() {
        return SetFriendRemark.class;
    }

    @Override
    public void handle(RequestContext context, SetFriendRemark request) throws ChatException {
        service.setRemark(context.me().userId(), request.userId(), request.remark());
        context.ok();
    }
}
