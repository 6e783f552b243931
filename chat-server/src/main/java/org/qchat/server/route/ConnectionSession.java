package org.qchat.server.route;

import java.util.function.Supplier;

import org.qchat.server.limit.TokenBucket;

/**
 * Login state of one connection, and its request allowance. Written only from the connection's
 * serial executor, read from anywhere, hence volatile.
 */
public final class ConnectionSession {

    /** Who is logged in: all three set together. */
    public record Identity(long userId, String username, String device, long sessionId) {
    }

    private volatile Identity identity;
    private volatile boolean receivingBulk;
    /** Serial executor only. Outlives logins: logging out and in again does not refill it. */
    private TokenBucket requests;
    private final java.util.Map<Class<?>, AutoCloseable> attachments = new java.util.concurrent.ConcurrentHashMap<>();

    public Identity identity() {
        return identity;
    }

    /**
     * Whether the peer is sending large frames back to back (it has an upload open), so that reads
     * are sized for whole data frames rather than for chat requests.
     */
    public boolean receivesBulk() {
        return receivingBulk;
    }

    public void receivingBulk(boolean bulk) {
        this.receivingBulk = bulk;
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

    /**
     * State a feature keeps for this connection (its open file transfers), made by {@code create} on
     * first use and closed with the connection ({@link #closeAttachments}).
     */
    public <T extends AutoCloseable> T attachment(Class<T> type, Supplier<T> create) {
        return type.cast(attachments.computeIfAbsent(type, k -> create.get()));
    }

    /** The attachment of {@code type} if there is one. */
    public <T extends AutoCloseable> T attachmentIfAny(Class<T> type) {
        return type.cast(attachments.get(type));
    }

    /** Closes every attachment; called once the connection is closed, on its serial executor. */
    public void closeAttachments() {
        for (AutoCloseable a : attachments.values()) {
            try {
                a.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ConnectionSession.class).warn("closing {} failed: {}", a, e.toString());
            }
        }
        attachments.clear();
    }

    /** This connection's request bucket, made by {@code create} on first use. Call on the serial executor. */
    public TokenBucket requestBucket(Supplier<TokenBucket> create) {
        if (requests == null) {
            requests = create.get();
        }
        return requests;
    }
}
