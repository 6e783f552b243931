package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/**
 * Changes the user's own settings of one conversation, for all their devices; an absent field
 * stays as it is, and at least one must be given.
 */
@PacketType("conv.settings")
public record SetConversationSettings(String id, long convId, Boolean pinned, Boolean dnd) implements Request {

    public SetConversationSettings {
        Check.requestId(id);
        Check.positive(convId, "convId");
        if (pinned == null && dnd == null) {
            throw new IllegalArgumentException("pinned or dnd is required");
        }
    }
}
