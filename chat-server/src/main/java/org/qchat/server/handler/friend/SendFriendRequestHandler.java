package org.qchat.server.handler.friend;

import org.qchat.protocol.packet.SendFriendRequest;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.FriendService;

/** Sends a friend request. */
public final class SendFriendRequestHandler implements PacketHandler<SendFriendRequest> {

    private final FriendService friends;

    public SendFriendRequestHandler(FriendService friends) {
        this.friends = friends;
    }

    @Override
    public Class<SendFriendRequest> type() {
        return SendFriendRequest.class;
    }

    @Override
    public void handle(RequestContext context, SendFriendRequest request) throws ChatException {
        friends.request(context.me().userId(), request.userId(), request.note());
        context.ok();
    }
}
