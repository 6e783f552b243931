package org.qchat.server.cluster;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.LocalRouter;
import org.qchat.server.route.Router;

/**
 * Routes over the cluster: this node's devices directly, everyone else's through one Redis
 * publish per packet, whatever the number of users; each node hands it to its own devices of
 * them. Not only to users {@link ClusterPresence} knows online elsewhere: it may not have heard yet
 * of one who just logged in on another node, and these pushes (friend and group changes) are few.
 * A user is online while any node has a device of theirs.
 */
final class ClusterRouter implements Router {

    /** Tells the cluster that this node's first device of a user came, or its last one went. */
    interface LocalPresence {
        void changed(long userId, boolean online);
    }

    private final LocalRouter local;
    private final ClusterPresence presence;
    private final FrameCodec codec;
    private final ClusterNode.Publisher publisher;
    private final LocalPresence localPresence;

    ClusterRouter(LocalRouter local, ClusterPresence presence, FrameCodec codec, ClusterNode.Publisher publisher,
                  LocalPresence localPresence) {
        this.local = local;
        this.presence = presence;
        this.codec = codec;
        this.publisher = publisher;
        this.localPresence = localPresence;
    }

    /** True if this is the user's first device anywhere in the cluster (as this node knows). */
    @Override
    public boolean bind(long userId, ClientConnection connection) {
        boolean firstHere = local.bind(userId, connection);
        if (firstHere) {
            localPresence.changed(userId, true);
        }
        return firstHere && !presence.isOnlineElsewhere(userId);
    }

    /** True if the user has no device left anywhere in the cluster (as this node knows). */
    @Override
    public boolean unbind(long userId, ClientConnection connection) {
        boolean lastHere = local.unbind(userId, connection);
        if (lastHere) {
            localPresence.changed(userId, false);
        }
        return lastHere && !presence.isOnlineElsewhere(userId);
    }

    @Override
    public boolean isOnline(long userId) {
        return local.isOnline(userId) || presence.isOnlineElsewhere(userId);
    }

    @Override
    public List<ClientConnection> connectionsOf(long userId) {
        return local.connectionsOf(userId);
    }

    @Override
    public void sendToUsers(Collection<Long> userIds, Packet packet, ClientConnection except) {
        local.sendToUsers(userIds, packet, except);
        List<Long> elsewhere = new ArrayList<>();
        for (long userId : userIds) {
            if (!local.isOnline(userId) || presence.isOnlineElsewhere(userId)) {
                elsewhere.add(userId);
            }
        }
        publish(elsewhere, packet);
    }

    @Override
    public void sendToUsers(long[] userIds, Packet packet, ClientConnection except) {
        List<Long> ids = new ArrayList<>(userIds.length);
        for (long userId : userIds) {
            ids.add(userId);
        }
        sendToUsers(ids, packet, except);
    }

    private void publish(List<Long> users, Packet packet) {
        if (!users.isEmpty()) {
            publisher.publish(ClusterEvent.packet(publisher.node(), System.currentTimeMillis(), users,
                    Base64.getEncoder().encodeToString(codec.encode(packet))));
        }
    }

    @Override
    public void sendToAll(Packet packet, ClientConnection except) {
        local.sendToAll(packet, except);
        publisher.publish(ClusterEvent.packet(publisher.node(), System.currentTimeMillis(), null,
                Base64.getEncoder().encodeToString(codec.encode(packet))));
    }

    @Override
    public int onlineUserCount() {
        return local.onlineUserCount();
    }

    @Override
    public List<ClientConnection> localConnections() {
        return local.localConnections();
    }
}
