package org.qchat.server.route;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;

/** Routes to the connections of this server process. */
public final class LocalRouter implements Router {

    private final ConcurrentHashMap<Long, Set<ClientConnection>> devices = new ConcurrentHashMap<>();
    private final FrameCodec codec;

    public LocalRouter(FrameCodec codec) {
        this.codec = codec;
    }

    @Override
    public boolean bind(long userId, ClientConnection connection) {
        boolean[] first = new boolean[1];
        devices.compute(userId, (id, set) -> {
            Set<ClientConnection> s = set != null ? set : ConcurrentHashMap.newKeySet();
            first[0] = s.isEmpty();
            s.add(connection);
            return s;
        });
        return first[0];
    }

    @Override
    public boolean unbind(long userId, ClientConnection connection) {
        boolean[] last = new boolean[1];
        devices.computeIfPresent(userId, (id, set) -> {
            if (set.remove(connection) && set.isEmpty()) {
                last[0] = true;
                return null;
            }
            return set.isEmpty() ? null : set;
        });
        return last[0];
    }

    @Override
    public boolean isOnline(long userId) {
        return devices.containsKey(userId);
    }

    @Override
    public List<ClientConnection> connectionsOf(long userId) {
        Set<ClientConnection> set = devices.get(userId);
        return set == null ? List.of() : List.copyOf(set);
    }

    @Override
    public void sendToUsers(Collection<Long> userIds, Packet packet, ClientConnection except) {
        byte[] frame = null;
        for (long userId : userIds) {
            Set<ClientConnection> set = devices.get(userId);
            if (set == null) {
                continue;
            }
            for (ClientConnection connection : set) {
                if (connection != except) {
                    if (frame == null) {
                        frame = codec.encode(packet);
                    }
                    connection.sendFrame(frame);
                }
            }
        }
    }

    @Override
    public void sendToAll(Packet packet, ClientConnection except) {
        byte[] frame = codec.encode(packet);
        for (Set<ClientConnection> set : devices.values()) {
            for (ClientConnection connection : set) {
                if (connection != except) {
                    connection.sendFrame(frame);
                }
            }
        }
    }

    @Override
    public List<ClientConnection> localConnections() {
        return devices.values().stream().flatMap(Set::stream).toList();
    }

    @Override
    public int onlineUserCount() {
        return devices.size();
    }
}
