package org.qchat.server.handler.friend;

import org.qchat.protocol.packet.RespondFriendRequest;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.FriendService;

/** Accepts or declines a friend request. */
public final class RespondFriendRequestHandler implements PacketHandler<RespondFriendRequest> {

    private final FriendService friends;

    public RespondFriendRequestHandler(FriendService friends) {
        this.friends = friends;
    }

    @Override
    public Class<RespondFriendRequest> type() {
        return RespondFriendRequest.class;
    }

    @Override
    public void handle(RequestContext context, RespondFriendRequest request) throws ChatException {
        friends.respond(context.me().userId(), request.requestId(), request.accept());
        context.ok();
    }
}
