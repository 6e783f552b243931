package org.qchat.server.handler.friend;

import org.qchat.protocol.packet.FriendRequestList;
import org.qchat.protocol.packet.ListFriendRequests;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.FriendService;

/** Lists pending friend requests. */
public final class ListFriendRequestsHandler implements PacketHandler<ListFriendRequests> {

    private final FriendService friends;

    public ListFriendRequestsHandler(FriendService friends) {
        this.friends = friends;
    }

    @Override
    public Class<ListFriendRequests> type() {
        return ListFriendRequests.class;
    }

    @Override
    public void handle(RequestContext context, ListFriendRequests request) throws ChatException {
        var lists = friends.requests(context.me().userId());
        context.reply(new FriendRequestList(context.id(), lists.get(0), lists.get(1)));
    }
}
