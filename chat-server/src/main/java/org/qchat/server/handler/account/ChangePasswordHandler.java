package org.qchat.server.handler.account;

import org.qchat.protocol.packet.ChangePassword;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.AccountService;
import org.qchat.server.service.ChatException;

/** Changes the password; other sessions end. */
public final class ChangePasswordHandler implements PacketHandler<ChangePassword> {

    private final AccountService accounts;

    public ChangePasswordHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<ChangePassword> type() {
        return ChangePassword.class;
    }

    @Override
    public void handle(RequestContext context, ChangePassword request) throws ChatException {
        accounts.changePassword(context.connection(), context.me(), request.oldPassword(), request.newPassword());
        context.ok();
    }
}
