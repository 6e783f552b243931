package org.qchat.protocol.packet;

import java.util.List;
import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.FriendInfo;

/** Your friends. */
@PacketType("friends")
public record FriendList(String id, List<FriendInfo> friends) implements Response {

    public FriendList {
        friends = friends == null ? List.of() : List.copyOf(friends);
    }
}
