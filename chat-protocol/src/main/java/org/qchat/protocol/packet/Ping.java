package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Heartbeat. Any frame counts as activity; send this when idle. */
@PacketType("ping")
public record Ping(String id) implements Request {

    public Ping {
        Check.requestId(id);
    }
}
