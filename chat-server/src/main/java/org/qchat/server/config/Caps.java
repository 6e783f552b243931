package org.qchat.server.config;

/**
 * How much state one user may accumulate, and how much one connection may have queued.
 *
 * @param maxFriends             friends per user
 * @param maxGroupsPerUser       groups a user may be a member of (created or joined)
 * @param maxPendingRequests     outgoing friend requests a user may have pending
 * @param maxOutboundQueueBytes  bytes queued for one connection that it has not read yet; past
 *                               this the connection is closed (its messages stay available by sync)
 */
public record Caps(int maxFriends, int maxGroupsPerUser, int maxPendingRequests, long maxOutboundQueueBytes) {

    public Caps {
        if (maxFriends < 1 || maxGroupsPerUser < 1 || maxPendingRequests < 1 || maxOutboundQueueBytes < 64 * 1024) {
            throw new IllegalArgumentException("caps must be positive and the outbound queue at least 64 KiB");
        }
    }

    public static Caps defaults() {
        return new Caps(1000, 200, 100, 4L * 1024 * 1024);
    }
}
