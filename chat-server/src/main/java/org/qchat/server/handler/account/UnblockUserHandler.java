package org.qchat.server.handler.account;

import org.qchat.protocol.packet.UnblockUser;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.FriendService;

/** Unblocks a user. */
public final class UnblockUserHandler implements PacketHandler<UnblockUser> {

    private final FriendService friends;

    public UnblockUserHandler(FriendService friends) {
        this.friends = friends;
    }

    @Override
    public Class<UnblockUser> type() {
        return UnblockUser.class;
    }

    @Override
    public void handle(RequestContext context, UnblockUser request) throws ChatException {
        friends.unblock(context.me().userId(), request.userId());
        context.ok();
    }
}
