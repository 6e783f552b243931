package org.qchat.server.handler.account;

import org.qchat.protocol.packet.ListBlocked;
import org.qchat.protocol.packet.UserList;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.FriendService;

/** Lists blocked users. */
public final class ListBlockedHandler implements PacketHandler<ListBlocked> {

    private final FriendService friends;

    public ListBlockedHandler(FriendService friends) {
        this.friends = friends;
    }

    @Override
    public Class<ListBlocked> type() {
        return ListBlocked.class;
    }

    @Override
    public void handle(RequestContext context, ListBlocked request) throws ChatException {
        context.reply(new UserList(context.id(), friends.blocked(context.me().userId())));
    }
}
