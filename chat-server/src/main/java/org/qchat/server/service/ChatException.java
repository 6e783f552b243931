package org.qchat.server.service;

import org.qchat.protocol.ErrorCode;

/**
 * A request the server refuses, with the code the client gets. Thrown before anything is changed
 * (or inside a transaction that is then rolled back), so a refused request changes nothing.
 */
public final class ChatException extends Exception {

    private final ErrorCode code;

    public ChatException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ChatException badRequest(String message) {
        return new ChatException(ErrorCode.BAD_REQUEST, message);
    }

    public static ChatException forbidden(String message) {
        return new ChatException(ErrorCode.FORBIDDEN, message);
    }

    public static ChatException notFound(String message) {
        return new ChatException(ErrorCode.NOT_FOUND, message);
    }

    public static ChatException conflict(String message) {
        return new ChatException(ErrorCode.CONFLICT, message);
    }

    public static ChatException unauthenticated(String message) {
        return new ChatException(ErrorCode.UNAUTHENTICATED, message);
    }
}
