package org.qchat.server.cluster;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.qchat.protocol.model.MessageInfo;

/**
 * What one node tells the others over the Redis channel, as one JSON object. Which fields are set
 * depends on the type {@code t}:
 * <ul>
 * <li>{@code msgs}: {@code m}, messages this node stored (one writer run);</li>
 * <li>{@code state}: {@code c} conversations, {@code u} users and {@code p} block pairs
 * ({@code "a:b"}) to reread after a committed state change;</li>
 * <li>{@code on} / {@code off}: user {@code user}'s first device came or last device went on this node;</li>
 * <li>{@code pkt}: frame {@code f} (base64) for the devices of users {@code u}, or of everyone if absent;</li>
 * <li>{@code bye}: the node is stopping; its users are offline here;</li>
 * <li>{@code sweep}: the node is back on Redis after missing it: what it published meanwhile was
 * lost, so every node compares itself with the database.</li>
 * </ul>
 * {@code n} is the sending node, {@code at} its clock when sent (for the lag metric).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ClusterEvent(String t, String n, long at, List<MessageInfo> m, List<Long> c, List<Long> u, List<String> p,
                    Long user, String f) {

    static final String MESSAGES = "msgs";
    static final String STATE = "state";
    static final String ONLINE = "on";
    static final String OFFLINE = "off";
    static final String PACKET = "pkt";
    static final String BYE = "bye";
    static final String SWEEP = "sweep";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static ClusterEvent messages(String node, long now, List<MessageInfo> messages) {
        return new ClusterEvent(MESSAGES, node, now, messages, null, null, null, null, null);
    }

    static ClusterEvent state(String node, long now, List<Long> conversations, List<Long> users, List<String> pairs) {
        return new ClusterEvent(STATE, node, now, null, conversations, users, pairs, null, null);
    }

    static ClusterEvent presence(String node, long now, long userId, boolean online) {
        return new ClusterEvent(online ? ONLINE : OFFLINE, node, now, null, null, null, null, userId, null);
    }

    static ClusterEvent packet(String node, long now, List<Long> users, String frameBase64) {
        return new ClusterEvent(PACKET, node, now, null, null, users, null, null, frameBase64);
    }

    static ClusterEvent bye(String node, long now) {
        return new ClusterEvent(BYE, node, now, null, null, null, null, null, null);
    }

    static ClusterEvent sweep(String node, long now) {
        return new ClusterEvent(SWEEP, node, now, null, null, null, null, null, null);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event, or null if {@code json} is not one (logged by the caller). */
    static ClusterEvent parse(String json) {
        try {
            ClusterEvent event = JSON.readValue(json, ClusterEvent.class);
            return event.t() == null || event.n() == null ? null : event;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
