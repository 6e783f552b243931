package org.qchat.server.handler;

import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.Packet;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.Ping;
import org.qchat.server.limit.TokenBucket;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.service.ChatException;

/**
 * Routes a decoded packet to its handler, after the checks every request shares: it must be a
 * request type, within the connection's request rate, and logged in unless the handler says
 * otherwise. Runs on the connection's serial executor; every failure becomes an error reply.
 *
 * <p>The request rate is a {@link TokenBucket} per connection (burst, then a sustained rate). A
 * request over it is answered {@code RATE_LIMITED} with the wait and not run. {@code ping} is
 * exempt, so heartbeats never fail and a client that is being slowed down is not also cut off as
 * idle; a ping costs no database work and its reply is bounded by the connection's outbound queue.
 */
public final class RequestDispatcher {

    private final HandlerRegistry handlers;
    private final ErrorReporter errors;
    private final Supplier<TokenBucket> newRequestBucket;
    private final BiConsumer<ClientConnection, FileChunk> dataFrames;

    /** A dispatcher without a request rate limit. */
    public RequestDispatcher(HandlerRegistry handlers, ErrorReporter errors) {
        this(handlers, errors, null);
    }

    /** @param newRequestBucket makes each connection's request bucket on its first request; null for no limit */
    public RequestDispatcher(HandlerRegistry handlers, ErrorReporter errors, Supplier<TokenBucket> newRequestBucket) {
        this(handlers, errors, newRequestBucket, (connection, chunk) -> { });
    }

    /**
     * @param dataFrames takes the data frames of uploads, on the I/O thread that decoded them (it must
     *                   not block); they are not requests and bypass the request rate
     */
    public RequestDispatcher(HandlerRegistry handlers, ErrorReporter errors, Supplier<TokenBucket> newRequestBucket,
                             BiConsumer<ClientConnection, FileChunk> dataFrames) {
        this.handlers = handlers;
        this.errors = errors;
        this.newRequestBucket = newRequestBucket;
        this.dataFrames = dataFrames;
    }

    /** A data frame arrived; called on an I/O thread. */
    public void dataFrame(ClientConnection connection, FileChunk chunk) {
        dataFrames.accept(connection, chunk);
    }

    /**
     * Whether dispatching {@code packet} never blocks (see {@link PacketHandler#neverBlocks()}), so
     * that it may run on an I/O thread. Anything else, and anything malformed, is dispatched from a
     * worker.
     */
    public boolean neverBlocks(Packet packet) {
        if (!(packet instanceof Request request)) {
            return false;
        }
        PacketHandler<Request> handler = handlers.handlerFor(request.getClass().asSubclass(Request.class));
        return handler != null && handler.neverBlocks(request);
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
        if (newRequestBucket != null && !(request instanceof Ping)) {
            TokenBucket bucket = connection.session().requestBucket(newRequestBucket);
            if (!bucket.tryTake()) {
                long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(bucket.nanosUntilToken() + 999_999));
                context.fail(ErrorCode.RATE_LIMITED, "slow down; retry in " + millis + " ms");
                return;
            }
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
