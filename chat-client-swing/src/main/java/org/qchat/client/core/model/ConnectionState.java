package org.qchat.client.core.model;

/** Where the client's session stands, as the header shows it. */
public enum ConnectionState {
    /** No session: the login window is showing. */
    SIGNED_OUT,
    /** Connecting and logging in for the first time (login window busy). */
    CONNECTING,
    /** Logged in, link up. */
    ONLINE,
    /** Logged in, but the link dropped; reconnecting and resuming by itself. */
    RECONNECTING
}
