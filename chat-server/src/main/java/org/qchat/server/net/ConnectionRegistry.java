package org.qchat.server.net;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every open connection, logged in or not. */
final class ConnectionRegistry {

    private final Set<TioConnection> open = ConcurrentHashMap.newKeySet();

    void add(TioConnection connection) {
        open.add(connection);
    }

    void remove(TioConnection connection) {
        open.remove(connection);
    }

    int size() {
        return open.size();
    }

    List<TioConnection> snapshot() {
        return List.copyOf(open);
    }
}
