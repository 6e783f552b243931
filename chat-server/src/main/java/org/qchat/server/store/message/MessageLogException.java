package org.qchat.server.store.message;

/** The message store could not read or write its storage. */
public final class MessageLogException extends RuntimeException {

    public MessageLogException(String message, Throwable cause) {
        super(message, cause);
    }

    public MessageLogException(String message) {
        super(message);
    }
}
