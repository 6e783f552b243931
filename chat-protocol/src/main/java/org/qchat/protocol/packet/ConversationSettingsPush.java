package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;

/** The user's settings of a conversation changed (on this device or another of theirs). */
@PacketType("conv.settings.changed")
public record ConversationSettingsPush(long convId, boolean pinned, boolean dnd) implements Push {
}
