package org.qchat.server.handler.admin;

import org.qchat.server.config.ServerConfig;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.route.ConnectionSession.Identity;
import org.qchat.server.service.ChatException;

/** Server admins are the usernames named in the configuration. */
public final class AdminCheck {

    private final ServerConfig config;

    public AdminCheck(ServerConfig config) {
        this.config = config;
    }

    Identity require(RequestContext context) throws ChatException {
        Identity me = context.me();
        if (!config.isAdmin(me.username())) {
            throw ChatException.forbidden("only server admins may do this");
        }
        return me;
    }
}
