package org.qchat.server.service;

import org.qchat.protocol.packet.ByePush;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.Router;

/** Ends a user's live connections, telling each device why. */
public final class DeviceCloser {

    private final Router router;

    public DeviceCloser(Router router) {
        this.router = router;
    }

    /** Closes every connection of {@code userId} except {@code keep} (may be null). */
    public void closeDevices(long userId, ClientConnection keep, String reason, String message) {
        for (ClientConnection other : router.connectionsOf(userId)) {
            if (other != keep) {
                other.closeWith(new ByePush(reason, message), reason);
            }
        }
    }
}
