package org.qchat.server.handler.session;

import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;

/** Register, login and resume are for connections that are not logged in yet. */
final class LoginGuard {

    private LoginGuard() {
    }

    static void requireLoggedOut(RequestContext context) throws ChatException {
        if (context.connection().session().isLoggedIn()) {
            throw ChatException.conflict("this connection is already logged in; log out first");
        }
    }
}
