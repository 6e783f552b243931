package org.qchat.protocol.packet;

import java.util.List;
import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.MessageInfo;

/** A page of messages in seq order; {@code more} says whether further pages exist in the direction asked. */
@PacketType("msgs")
public record MessagePage(String id, long convId, List<MessageInfo> messages, boolean more) implements Response {

    public MessagePage {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
