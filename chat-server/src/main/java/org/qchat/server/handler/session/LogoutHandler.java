package org.qchat.server.handler.session;

import org.qchat.protocol.packet.Logout;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.AccountService;
import org.qchat.server.service.ChatException;

/** Revokes the connection's token and logs it out. */
public final class LogoutHandler implements PacketHandler<Logout> {

    private final AccountService accounts;

    public LogoutHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<Logout> type() {
        return Logout.class;
    }

    @Override
    public void handle(RequestContext context, Logout request) throws ChatException {
        accounts.logout(context.connection());
        context.ok();
    }
}
