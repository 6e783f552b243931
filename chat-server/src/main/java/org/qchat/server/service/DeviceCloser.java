package org.qchat.server.service;

import org.qchat.protocol.packet.ByePush;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.Router;

/** Ends a user's live connections, telling each device why. */
public final class DeviceCloser {

    /** Closes the user's devices held by other processes (other nodes, or the server when the CLI acts). */
    @FunctionalInterface
    public interface Elsewhere {
        Elsewhere NOWHERE = (userId, reason, message) -> { };

        void closeDevices(long userId, String reason, String message);
    }

    private final Router router;
    private final Elsewhere elsewhere;

    public DeviceCloser(Router router) {
        this(router, Elsewhere.NOWHERE);
    }

    public DeviceCloser(Router router, Elsewhere elsewhere) {
        this.router = router;
        this.elsewhere = elsewhere;
    }

    /**
     * Closes every connection of {@code userId} except {@code keep} (may be null), here and in the
     * other processes that hold some.
     */
    public void closeDevices(long userId, ClientConnection keep, String reason, String message) {
        elsewhere.closeDevices(userId, reason, message);
        closeLocalDevices(userId, keep, reason, message);
    }

    /** Closes the connections of {@code userId} in this process only, except {@code keep} (may be null). */
    public void closeLocalDevices(long userId, ClientConnection keep, String reason, String message) {
        for (ClientConnection other : router.connectionsOf(userId)) {
            if (other != keep) {
                other.closeWith(new ByePush(reason, message), reason);
            }
        }
    }
}
