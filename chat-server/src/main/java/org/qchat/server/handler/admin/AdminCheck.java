package org.qchat.server.handler.admin;

import org.qchat.protocol.packet.SessionStarted;
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

    /** The reply to a login, telling an administrator that they are one. */
    public SessionStarted mark(SessionStarted started) {
        return started.withAdmin(config.isAdmin(started.user().username()));
    }

    Identity require(RequestContext context) throws ChatException {
        Identity me = context.me();
        if (!config.isAdmin(me.username())) {
            throw ChatException.forbidden("only server admins may do this");
        }
        return me;
    }
}
