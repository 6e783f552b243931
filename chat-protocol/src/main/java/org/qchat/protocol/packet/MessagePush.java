package org.qchat.protocol.packet;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Push;
import org.qchat.protocol.model.MessageInfo;

/** A new message in one of your conversations (also your own, sent from another device). */
@PacketType("msg")
public record MessagePush(MessageInfo message) implements Push {
}
