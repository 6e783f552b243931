package org.qchat.server.config;

import java.time.Duration;

/**
 * Makes a server a node of a cluster: Redis carries word between the nodes, PostgreSQL holds
 * everything. {@code nodeTimeout}: how long a node may miss heartbeats before the others take it
 * for dead and show its users offline.
 */
public record ClusterConfig(String redisUri, String redisPassword, String nodeId, Duration nodeTimeout) {

    /** How often a node beats: five beats per timeout, so one lost beat never ends a node. */
    public Duration heartbeat() {
        long millis = Math.max(100, Math.min(3000, nodeTimeout.toMillis() / 5));
        return Duration.ofMillis(millis);
    }
}
