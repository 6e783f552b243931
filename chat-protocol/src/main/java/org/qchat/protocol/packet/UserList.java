package org.qchat.protocol.packet;

import java.util.List;
import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.UserInfo;

/** A list of users. */
@PacketType("users")
public record UserList(String id, List<UserInfo> users) implements Response {

    public UserList {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
