package org.qchat.server.handler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.Ok;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.ConnectionSession.Identity;
import org.qchat.server.service.ChatException;

/** One request in flight: who sent it and how to answer it. */
public final class RequestContext {

    private final ClientConnection connection;
    private final Request request;
    private final ErrorReporter errors;

    RequestContext(ClientConnection connection, Request request, ErrorReporter errors) {
        this.connection = connection;
        this.request = request;
        this.errors = errors;
    }

    /** The request id to echo. */
    public String id() {
        return request.id();
    }

    public ClientConnection connection() {
        return connection;
    }

    /** The logged-in user of this connection. */
    public Identity me() throws ChatException {
        Identity identity = connection.session().identity();
        if (identity == null) {
            throw ChatException.unauthenticated("log in first");
        }
        return identity;
    }

    public void reply(Response response) {
        connection.send(response);
    }

    public void ok() {
        reply(new Ok(id()));
    }

    /** Answers with the error that {@code failure} stands for. */
    public void fail(Throwable failure) {
        ErrorReporter.Report report = errors.report(failure, request.type());
        connection.send(new ErrorReply(id(), report.code(), report.message()));
    }

    public void fail(ErrorCode code, String message) {
        fail(new ChatException(code, message));
    }

    /** Answers when {@code future} completes: with {@code toResponse} of its value, or its error. */
    public <T> void replyWhenDone(CompletableFuture<T> future, Function<T, Response> toResponse) {
        future.whenComplete((value, failure) -> {
            if (failure != null) {
                fail(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            } else {
                reply(toResponse.apply(value));
            }
        });
    }
}
