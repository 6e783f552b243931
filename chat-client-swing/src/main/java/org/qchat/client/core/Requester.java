package org.qchat.client.core;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.qchat.client.transport.ChatTransport;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.packet.ErrorReply;

/**
 * Matches replies to requests, and holds the link they (and file data) go out on: gives each request a fresh id ("1", "2", … never reused while
 * this client lives, so a late reply can never be taken for another request's), and completes
 * its future when the reply with that id arrives, when it times out, or when the link drops.
 *
 * <p>Single-threaded: call everything on the dispatcher thread. Futures complete on that thread,
 * so their callbacks may touch client state directly.
 */
public final class Requester {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Requester.class);

    /** How long to wait for a reply unless a request says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final Scheduler scheduler;
    private ChatTransport transport;
    private final Map<String, Pending<?>> pending = new LinkedHashMap<>();
    private long nextId = 1;
    private long lastSendMillis;

    public Requester(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The link requests go out on; null while there is none. Ids keep counting across links. */
    public void setTransport(ChatTransport transport) {
        this.transport = transport;
    }

    /** Sends a request built with a fresh id and waits for a reply of {@code replyType}. */
    public <R extends Response> CompletableFuture<R> call(Function<String, ? extends Request> build, Class<R> replyType) {
        return call(build, replyType, DEFAULT_TIMEOUT);
    }

    /**
     * Sends a request and returns its reply. Fails with a {@link ChatException}: the server's
     * error, {@code NOT_CONNECTED} (nothing was sent), {@code CONNECTION_LOST} or {@code TIMEOUT}
     * (the server may have acted), {@code UNEXPECTED_REPLY} or {@code TOO_LARGE}.
     */
    public <R extends Response> CompletableFuture<R> call(Function<String, ? extends Request> build, Class<R> replyType,
                                                          Duration timeout) {
        String id = Long.toString(nextId++);
        Request request = build.apply(id);
        CompletableFuture<R> future = new CompletableFuture<>();
        boolean sent;
        try {
            sent = transport != null && transport.send(request);
        } catch (IllegalArgumentException e) {
            future.completeExceptionally(new ChatException(ChatException.Kind.TOO_LARGE, e.getMessage()));
            return future;
        }
        if (!sent) {
            future.completeExceptionally(new ChatException(ChatException.Kind.NOT_CONNECTED, "not connected"));
            return future;
        }
        lastSendMillis = scheduler.now();
        log.debug("-> {} {}", request.type(), id);
        Pending<R> entry = new Pending<>(request.type(), replyType, future);
        entry.sentAt = lastSendMillis;
        pending.put(id, entry);
        entry.timer = scheduler.schedule(timeout, () -> {
            if (pending.remove(id) == entry) {
                future.completeExceptionally(new ChatException(ChatException.Kind.TIMEOUT,
                        "no answer to " + request.type() + " within " + timeout.toSeconds() + " s"));
            }
        });
        return future;
    }

    /**
     * Sends an encoded data frame on the same link. Data frames have no id and no reply: the
     * transfer they belong to is acknowledged by pushes.
     *
     * @return false if there is no link (nothing was sent)
     * @throws IllegalArgumentException the frame exceeds the server's frame limit
     */
    public boolean sendFrame(byte[] frame) {
        if (transport == null || !transport.sendFrame(frame)) {
            return false;
        }
        lastSendMillis = scheduler.now();
        return true;
    }

    /**
     * Completes the request this reply answers.
     *
     * @return false if no request is waiting for this id (a late reply after a timeout, say)
     */
    public boolean complete(Response response) {
        if (response.id() == null) {
            return false;
        }
        Pending<?> entry = pending.remove(response.id());
        if (entry == null) {
            return false;
        }
        log.debug("<- {} {} after {} ms", response.type(), response.id(), scheduler.now() - entry.sentAt);
        entry.timer.cancel();
        entry.complete(response);
        return true;
    }

    /** Fails every waiting request: the link dropped, so their answers will never come. */
    public void failAll(ChatException.Kind kind, String reason) {
        for (Iterator<Pending<?>> it = pending.values().iterator(); it.hasNext(); ) {
            Pending<?> entry = it.next();
            it.remove();
            entry.timer.cancel();
            entry.future.completeExceptionally(new ChatException(kind, reason));
        }
    }

    /** When the last request went out, for the heartbeat's idle check. */
    public long lastSendMillis() {
        return lastSendMillis;
    }

    /** Requests still waiting for an answer. */
    public int pendingCount() {
        return pending.size();
    }

    private static final class Pending<R extends Response> {
        final String requestType;
        final Class<R> replyType;
        final CompletableFuture<R> future;
        long sentAt;
        Scheduler.Cancellable timer;

        Pending(String requestType, Class<R> replyType, CompletableFuture<R> future) {
            this.requestType = requestType;
            this.replyType = replyType;
            this.future = future;
        }

        void complete(Response response) {
            if (response instanceof ErrorReply error) {
                future.completeExceptionally(ChatException.server(error.code(), error.message()));
            } else if (replyType.isInstance(response)) {
                future.complete(replyType.cast(response));
            } else {
                future.completeExceptionally(new ChatException(ChatException.Kind.UNEXPECTED_REPLY,
                        requestType + " was answered with " + response.type()));
            }
        }
    }
}
