package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.GroupInfo;

/** One group. */
@PacketType("group")
public record GroupReply(String id, GroupInfo group) implements Response {
}
