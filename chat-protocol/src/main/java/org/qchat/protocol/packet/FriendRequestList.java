package org.qchat.protocol.packet;

import java.util.List;
import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.FriendRequestInfo;

/** Pending friend requests to and from you. */
@PacketType("friend.requests.list")
public record FriendRequestList(String id, List<FriendRequestInfo> incoming, List<FriendRequestInfo> outgoing) implements Response {

    public FriendRequestList {
        incoming = incoming == null ? List.of() : List.copyOf(incoming);
        outgoing = outgoing == null ? List.of() : List.copyOf(outgoing);
    }
}
