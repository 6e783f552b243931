package org.qchat.server.handler.friend;

import org.qchat.protocol.packet.FriendList;
import org.qchat.protocol.packet.ListFriends;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.FriendService;

/** Lists friends with presence. */
public final class ListFriendsHandler implements PacketHandler<ListFriends> {

    private final FriendService friends;

    public ListFriendsHandler(FriendService friends) {
        this.friends = friends;
    }

    @Override
    public Class<ListFriends> type() {
        return ListFriends.class;
    }

    @Override
    public void handle(RequestContext context, ListFriends request) throws ChatException {
        context.reply(new FriendList(context.id(), friends.list(context.me().userId())));
    }
}
