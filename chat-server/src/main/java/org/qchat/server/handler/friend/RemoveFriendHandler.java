package org.qchat.server.handler.friend;

import org.qchat.protocol.packet.RemoveFriend;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.FriendService;

/** Ends a friendship. */
public final class RemoveFriendHandler implements PacketHandler<RemoveFriend> {

    private final FriendService friends;

    public RemoveFriendHandler(FriendService friends) {
        this.friends = friends;
    }

    @Override
    public Class<RemoveFriend> type() {
        return RemoveFriend.class;
    }

    @Override
    public void handle(RequestContext context, RemoveFriend request) throws ChatException {
        friends.remove(context.me().userId(), request.userId());
        context.ok();
    }
}
