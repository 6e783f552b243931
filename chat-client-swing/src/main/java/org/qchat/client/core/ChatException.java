package org.qchat.client.core;

import java.util.concurrent.CompletionException;

import org.qchat.protocol.ErrorCode;

/**
 * Why a request or a login did not succeed. {@link #kind()} says whether the server refused
 * ({@link Kind#SERVER_ERROR}, with its {@link #code()}) or the network got in the way.
 */
public final class ChatException extends RuntimeException {

    /** What went wrong, coarsely. */
    public enum Kind {
        /** The server answered with an {@code error}. */
        SERVER_ERROR,
        /** No TCP connection could be made to the server. */
        UNREACHABLE,
        /** There is no link right now (the request was not sent). */
        NOT_CONNECTED,
        /** The link dropped before the answer came; the server may or may not have acted. */
        CONNECTION_LOST,
        /** No answer in time; the server may or may not have acted. */
        TIMEOUT,
        /** The server answered with a packet of the wrong type. */
        UNEXPECTED_REPLY,
        /** Too big to send (bigger than the server's frame limit). */
        TOO_LARGE
    }

    private final Kind kind;
    private final ErrorCode code;

    public ChatException(Kind kind, String message) {
        this(kind, null, message);
    }

    public ChatException(Kind kind, ErrorCode code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static ChatException server(ErrorCode code, String message) {
        return new ChatException(Kind.SERVER_ERROR, code, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The server's error code, or null if the server did not answer. */
    public ErrorCode code() {
        return code;
    }

    /** True if this is a server error with {@code code}. */
    public boolean is(ErrorCode code) {
        return this.code == code;
    }

    /** Unwraps the {@link CompletionException} layers CompletableFuture adds. */
    public static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The ChatException behind {@code t}, or null if it is something else (a bug). */
    public static ChatException of(Throwable t) {
        return unwrap(t) instanceof ChatException e ? e : null;
    }
}
