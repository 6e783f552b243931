package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.UserInfo;

/**
 * This connection is logged in. Keep {@code token} to resume later and {@code device} to keep sync cursors.
 * {@code admin} is {@code true} for a server administrator and absent (null) for everyone else, so a
 * client can offer the administration requests only to those who may use them.
 */
@PacketType("session")
public record SessionStarted(String id, String token, UserInfo user, String device, int protocol, long serverTime,
                             Boolean admin) implements Response {

    /** A session of a user who is not a server administrator. */
    public SessionStarted(String id, String token, UserInfo user, String device, int protocol, long serverTime) {
        this(id, token, user, device, protocol, serverTime, null);
    }

    /** The same session, marked for an administrator when {@code admin} is true. */
    public SessionStarted withAdmin(boolean admin) {
        return new SessionStarted(id, token, user, device, protocol, serverTime, admin ? Boolean.TRUE : null);
    }
}
