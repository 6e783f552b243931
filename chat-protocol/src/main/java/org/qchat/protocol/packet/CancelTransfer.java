package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Stops an upload (forgetting what it sent) or a download of this connection. Answered with {@link Ok}. */
@PacketType("file.cancel")
public record CancelTransfer(String id, long transferId) implements Request {

    public CancelTransfer {
        Check.requestId(id);
        Check.positive(transferId, "transferId");
    }
}
