package org.qchat.server.handler;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.Packet;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.service.ChatException;

/**
 * Routes a decoded packet to its handler, after the checks every request shares: it must be a
 * request type, and logged in unless the handler says otherwise. Runs on the connection's serial
 * executor; every failure becomes an error reply.
 */
public final class RequestDispatcher {

    private final HandlerRegistry handlers;
    private final ErrorReporter errors;

    public RequestDispatcher(HandlerRegistry handlers, ErrorReporter errors) {
        this.handlers = handlers;
        this.errors = errors;
    }

    public ErrorReporter errors() {
        return errors;
    }

    public void dispatch(ClientConnection connection, Packet packet) {
        if (!(packet instanceof Request request)) {
            String id = packet instanceof Response response ? response.id() : null;
            errors.count(ErrorCode.BAD_REQUEST);
            connection.send(new ErrorReply(id, ErrorCode.BAD_REQUEST, "'" + packet.type() + "' is not a request"));
            return;
        }
        RequestContext context = new RequestContext(connection, request, errors);
        PacketHandler<Request> handler = handlers.handlerFor(request.getClass().asSubclass(Request.class));
        if (handler == null) {
            context.fail(ErrorCode.BAD_REQUEST, "'" + request.type() + "' is not supported by this server");
            return;
        }
        if (handler.requiresLogin() && !connection.session().isLoggedIn()) {
            context.fail(ErrorCode.UNAUTHENTICATED, "log in first");
            return;
        }
        try {
            handler.handle(context, request);
        } catch (ChatException | RuntimeException e) {
            context.fail(e);
        }
    }
}
