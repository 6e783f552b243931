package org.qchat.server.handler.account;

import org.qchat.protocol.packet.BlockUser;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.FriendService;

/** Blocks a user. */
public final class BlockUserHandler implements PacketHandler<BlockUser> {

    private final FriendService friends;

    public BlockUserHandler(FriendService friends) {
        this.friends = friends;
    }

    @Override
    public Class<BlockUser> type() {
        return BlockUser.class;
    }

    @Override
    public void handle(RequestContext context, BlockUser request) throws ChatException {
        friends.block(context.me().userId(), request.userId());
        context.ok();
    }
}
