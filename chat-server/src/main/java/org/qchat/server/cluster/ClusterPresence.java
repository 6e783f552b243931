package org.qchat.server.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which users are online on which other node, as this node last heard: from their {@code on} /
 * {@code off} events, from their user sets in Redis, and from the registry when a node stops
 * beating. Each change reports the users whose "online anywhere else" flipped, so that the node
 * can tell its own devices. Thread-safe.
 */
final class ClusterPresence {

    private final ConcurrentHashMap<Long, Set<String>> nodesOfUser = new ConcurrentHashMap<>();
    private final Map<String, Set<Long>> usersOfNode = new HashMap<>();

    /** Whether the user has a device on another node. */
    boolean isOnlineElsewhere(long userId) {
        return nodesOfUser.containsKey(userId);
    }

    /** Returns true if the user was on no other node before. */
    synchronized boolean online(String node, long userId) {
        usersOfNode.computeIfAbsent(node, n -> new HashSet<>()).add(userId);
        boolean[] first = {false};
        nodesOfUser.compute(userId, (id, nodes) -> {
            first[0] = nodes == null;
            Set<String> next = nodes == null ? new HashSet<>() : new HashSet<>(nodes);
            next.add(node);
            return Set.copyOf(next);
        });
        return first[0];
    }

    /** Returns true if the user is now on no other node. */
    synchronized boolean offline(String node, long userId) {
        Set<Long> users = usersOfNode.get(node);
        if (users != null) {
            users.remove(userId);
        }
        boolean[] last = {false};
        nodesOfUser.computeIfPresent(userId, (id, nodes) -> {
            if (!nodes.contains(node)) {
                return nodes;
            }
            Set<String> next = new HashSet<>(nodes);
            next.remove(node);
            last[0] = next.isEmpty();
            return next.isEmpty() ? null : Set.copyOf(next);
        });
        return last[0];
    }

    /** A flip of one user's "online elsewhere". */
    record Flip(long userId, boolean online) {
    }

    /** The node's users are exactly {@code users} (read from Redis). */
    synchronized List<Flip> replace(String node, Set<Long> users) {
        List<Flip> flips = new ArrayList<>();
        Set<Long> before = new HashSet<>(usersOfNode.getOrDefault(node, Set.of()));
        for (long userId : before) {
            if (!users.contains(userId) && offline(node, userId)) {
                flips.add(new Flip(userId, false));
            }
        }
        for (long userId : users) {
            if (!before.contains(userId) && online(node, userId)) {
                flips.add(new Flip(userId, true));
            }
        }
        return flips;
    }

    /** The node is gone: none of its users is online there. */
    synchronized List<Flip> gone(String node) {
        List<Flip> flips = replace(node, Set.of());
        usersOfNode.remove(node);
        return flips;
    }

    /** Users online on other nodes (each counted once). */
    int size() {
        return nodesOfUser.size();
    }
}
