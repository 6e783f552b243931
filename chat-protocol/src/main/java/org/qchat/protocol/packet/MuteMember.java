package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/**
 * Keeps a member from sending for {@code minutes} (owner and admins); 0 lifts the mute. Answered
 * with {@link Ok}.
 */
@PacketType("group.mute")
public record MuteMember(String id, long groupId, long userId, int minutes) implements Request {

    /** The longest mute: 30 days. */
    public static final int MAX_MINUTES = 43_200;

    public MuteMember {
        Check.requestId(id);
        Check.positive(groupId, "groupId");
        Check.positive(userId, "userId");
        if (minutes < 0 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be between 0 and " + MAX_MINUTES);
        }
    }
}
