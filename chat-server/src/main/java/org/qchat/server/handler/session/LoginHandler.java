package org.qchat.server.handler.session;

import org.qchat.protocol.packet.Login;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.handler.admin.AdminCheck;
import org.qchat.server.service.AccountService;
import org.qchat.server.service.ChatException;

/** Logs in with username and password. */
public final class LoginHandler implements PacketHandler<Login> {

    private final AccountService accounts;
    private final AdminCheck admins;

    public LoginHandler(AccountService accounts, AdminCheck admins) {
        this.accounts = accounts;
        this.admins = admins;
    }

    @Override
    public Class<Login> type() {
        return Login.class;
    }

    @Override
    public boolean requiresLogin() {
        return false;
    }

    @Override
    public void handle(RequestContext context, Login request) throws ChatException {
        LoginGuard.requireLoggedOut(context);
        context.reply(admins.mark(accounts.login(context.connection(), context.id(), request.protocol(), request.username(),
                request.password(), request.device())));
    }
}
