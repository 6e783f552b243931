package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Messages with seq greater than {@code afterSeq}, oldest first. Answered with {@link MessagePage}. */
@PacketType("msg.pull")
public record PullMessages(String id, long convId, long afterSeq, Integer limit) implements Request {

    public PullMessages {
        Check.requestId(id);
        Check.positive(convId, "convId");
        Check.notNegative(afterSeq, "afterSeq");
    }
}
