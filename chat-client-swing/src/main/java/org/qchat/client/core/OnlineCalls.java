package org.qchat.client.core;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.Session;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;

/** Requests a user makes: they need a session, so while reconnecting they fail at once instead of waiting. */
final class OnlineCalls {

    private final Session session;
    private final Requester requester;

    OnlineCalls(Session session, Requester requester) {
        this.session = session;
        this.requester = requester;
    }

    <R extends Response> CompletableFuture<R> call(Function<String, ? extends Request> build, Class<R> type) {
        if (session.state() != ConnectionState.ONLINE) {
            return CompletableFuture.failedFuture(new ChatException(ChatException.Kind.NOT_CONNECTED, "offline"));
        }
        return requester.call(build, type);
    }
}
