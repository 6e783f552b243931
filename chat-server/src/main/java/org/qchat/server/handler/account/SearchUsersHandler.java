package org.qchat.server.handler.account;

import org.qchat.protocol.packet.SearchUsers;
import org.qchat.protocol.packet.UserList;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.AccountService;
import org.qchat.server.service.ChatException;

/** Finds users by username or nickname prefix. */
public final class SearchUsersHandler implements PacketHandler<SearchUsers> {

    private final AccountService accounts;

    public SearchUsersHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<SearchUsers> type() {
        return SearchUsers.class;
    }

    @Override
    public void handle(RequestContext context, SearchUsers request) throws ChatException {
        context.reply(new UserList(context.id(), accounts.search(context.me().userId(), request.query(), request.limit())));
    }
}
