package org.qchat.server.handler.account;

import org.qchat.protocol.packet.UpdateProfile;
import org.qchat.protocol.packet.UserReply;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.AccountService;
import org.qchat.server.service.ChatException;

/** Edits nickname and signature. */
public final class UpdateProfileHandler implements PacketHandler<UpdateProfile> {

    private final AccountService accounts;

    public UpdateProfileHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<UpdateProfile> type() {
        return UpdateProfile.class;
    }

    @Override
    public void handle(RequestContext context, UpdateProfile request) throws ChatException {
        context.reply(new UserReply(context.id(), accounts.updateProfile(context.connection(), context.me().userId(),
                request.nickname(), request.signature())));
    }
}
