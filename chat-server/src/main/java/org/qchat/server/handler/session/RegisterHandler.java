package org.qchat.server.handler.session;

import org.qchat.protocol.packet.Register;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.handler.admin.AdminCheck;
import org.qchat.server.service.AccountService;
import org.qchat.server.service.ChatException;

/** Creates an account and logs the connection in. */
public final class RegisterHandler implements PacketHandler<Register> {

    private final AccountService accounts;
    private final AdminCheck admins;

    public RegisterHandler(AccountService accounts, AdminCheck admins) {
        this.accounts = accounts;
        this.admins = admins;
    }

    @Override
    public Class<Register> type() {
        return Register.class;
    }

    @Override
    public boolean requiresLogin() {
        return false;
    }

    @Override
    public void handle(RequestContext context, Register request) throws ChatException {
        LoginGuard.requireLoggedOut(context);
        context.reply(admins.mark(accounts.register(context.connection(), context.id(), request.protocol(), request.username(),
                request.password(), request.nickname(), request.device())));
    }
}
