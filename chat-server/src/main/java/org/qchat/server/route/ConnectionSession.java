package org.qchat.server.route;

/**
 * Login state of one connection. Written only from the connection's serial executor, read from
 * anywhere, hence volatile.
 */
public final class ConnectionSession {

    /** Who is logged in: all three set together. */
    public record Identity(long userId, String username, String device, long sessionId) {
    }

    private volatile Identity identity;

    public Identity identity() {
        return identity;
    }

    public boolean isLoggedIn() {
        return identity != null;
    }

    public void login(Identity identity) {
        this.identity = identity;
    }

    /** Clears the login; returns the identity that was logged in, or null. */
    public Identity logout() {
        Identity previous = identity;
        identity = null;
        return previous;
    }
}
