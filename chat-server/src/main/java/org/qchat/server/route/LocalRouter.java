package org.qchat.server.route;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;

/** Routes to the connections of this server process. */
public final class LocalRouter implements Router {

    /**
     * Each online user's connections, as an immutable set replaced on every change (under
     * {@code compute}, so changes of one user do not race). A user has one device or a few, and is
     * looked up far more often than one logs in or out; a concurrent set per user cost ten times the
     * memory of {@code Set.of(connection)} (about 200 bytes against 24), paid by every online user.
     */
    private final ConcurrentHashMap<Long, Set<ClientConnection>> devices = new ConcurrentHashMap<>();
    private final FrameCodec codec;

    public LocalRouter(FrameCodec codec) {
        this.codec = codec;
    }

    @Override
    public boolean bind(long userId, ClientConnection connection) {
        boolean[] first = new boolean[1];
        devices.compute(userId, (id, set) -> {
            first[0] = set == null;
            return set == null ? Set.of(connection) : with(set, connection);
        });
        return first[0];
    }

    @Override
    public boolean unbind(long userId, ClientConnection connection) {
        boolean[] last = new boolean[1];
        devices.computeIfPresent(userId, (id, set) -> {
            if (!set.contains(connection)) {
                return set;
            }
            last[0] = set.size() == 1;
            return last[0] ? null : without(set, connection);
        });
        return last[0];
    }

    private static Set<ClientConnection> with(Set<ClientConnection> set, ClientConnection connection) {
        if (set.contains(connection)) {
            return set;
        }
        ClientConnection[] all = set.toArray(new ClientConnection[set.size() + 1]);
        all[set.size()] = connection;
        return Set.of(all);
    }

    private static Set<ClientConnection> without(Set<ClientConnection> set, ClientConnection connection) {
        return Set.of(set.stream().filter(other -> other != connection).toArray(ClientConnection[]::new));
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
        Fanout fanout = new Fanout(packet, except);
        for (long userId : userIds) {
            fanout.to(devices.get(userId));
        }
    }

    @Override
    public void sendToUsers(long[] userIds, Packet packet, ClientConnection except) {
        Fanout fanout = new Fanout(packet, except);
        for (long userId : userIds) {
            fanout.to(devices.get(userId));
        }
    }

    /** One packet on its way to many connections: encoded once, when the first one is found. */
    private final class Fanout {
        private final Packet packet;
        private final ClientConnection except;
        private byte[] frame;

        Fanout(Packet packet, ClientConnection except) {
            this.packet = packet;
            this.except = except;
        }

        void to(Set<ClientConnection> connections) {
            if (connections == null) {
                return;
            }
            for (ClientConnection connection : connections) {
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

    /** Queues an encoded frame (from another node) to every device of the listed users. */
    public void sendFrameToUsers(Collection<Long> userIds, byte[] frame) {
        for (long userId : userIds) {
            Set<ClientConnection> connections = devices.get(userId);
            if (connections != null) {
                connections.forEach(connection -> connection.sendFrame(frame));
            }
        }
    }

    /** Queues an encoded frame (from another node) to every logged-in device. */
    public void sendFrameToAll(byte[] frame) {
        devices.values().forEach(set -> set.forEach(connection -> connection.sendFrame(frame)));
    }

    @Override
    public List<ClientConnection> localConnections() {
        return devices.values().stream().flatMap(Set::stream).toList();
    }

    /** The users with a device on this node. */
    public Set<Long> onlineUserIds() {
        return Set.copyOf(devices.keySet());
    }

    @Override
    public int onlineUserCount() {
        return devices.size();
    }
}
