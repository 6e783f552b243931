package org.qchat.server.route;

import java.util.Collection;
import java.util.List;

import org.qchat.protocol.Packet;

/**
 * Where a user's devices are and how packets reach them. The local implementation knows the
 * connections of this process; a clustered one would also reach other nodes. Thread-safe; sends
 * never block.
 */
public interface Router {

    /** Registers a logged-in connection. Returns true if it is the user's first online device. */
    boolean bind(long userId, ClientConnection connection);

    /** Unregisters a connection. Returns true if the user has no online device left. */
    boolean unbind(long userId, ClientConnection connection);

    boolean isOnline(long userId);

    /** The user's online connections on this node. */
    List<ClientConnection> connectionsOf(long userId);

    /** Sends to every device of every listed user except {@code except} (may be null). Encodes once. */
    void sendToUsers(Collection<Long> userIds, Packet packet, ClientConnection except);

    /** Like {@link #sendToUsers(Collection, Packet, ClientConnection)}, for ids in an array (not modified). */
    void sendToUsers(long[] userIds, Packet packet, ClientConnection except);

    /** Sends to every device of one user except {@code except} (may be null). */
    default void sendToUser(long userId, Packet packet, ClientConnection except) {
        sendToUsers(List.of(userId), packet, except);
    }

    /** Sends to every logged-in device of every user except {@code except}. Encodes once. */
    void sendToAll(Packet packet, ClientConnection except);

    int onlineUserCount();

    /** Every logged-in connection on this node. */
    List<ClientConnection> localConnections();
}
