package org.qchat.server.handler.session;

import org.qchat.protocol.packet.Resume;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.handler.admin.AdminCheck;
import org.qchat.server.service.AccountService;
import org.qchat.server.service.ChatException;

/** Logs in with a session token. */
public final class ResumeHandler implements PacketHandler<Resume> {

    private final AccountService accounts;
    private final AdminCheck admins;

    public ResumeHandler(AccountService accounts, AdminCheck admins) {
        this.accounts = accounts;
        this.admins = admins;
    }

    @Override
    public Class<Resume> type() {
        return Resume.class;
    }

    @Override
    public boolean requiresLogin() {
        return false;
    }

    @Override
    public void handle(RequestContext context, Resume request) throws ChatException {
        LoginGuard.requireLoggedOut(context);
        context.reply(admins.mark(accounts.resume(context.connection(), context.id(), request.protocol(), request.token(),
                request.device())));
    }
}
