package org.qchat.client.core.model;

/** Where one of my messages stands. Messages from others are always {@link #SENT}. */
public enum DeliveryState {
    /** In the outbox: not yet acknowledged by the server (also while reconnecting). */
    SENDING,
    /** Stored by the server (it has a seq). */
    SENT,
    /** The server refused it, or retries ran out; the user may retry (same clientMsgId). */
    FAILED
}
