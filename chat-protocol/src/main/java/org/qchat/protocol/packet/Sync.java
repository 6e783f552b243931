package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Asks which conversations have messages this device has not acknowledged. Answered with {@link SyncState}. */
@PacketType("sync")
public record Sync(String id) implements Request {

    public Sync {
        Check.requestId(id);
    }
}
