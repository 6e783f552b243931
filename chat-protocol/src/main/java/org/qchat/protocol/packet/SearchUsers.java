package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Finds users whose username or nickname starts with {@code query} (case-insensitive). Answered with {@link UserList}. */
@PacketType("user.search")
public record SearchUsers(String id, String query, Integer limit) implements Request {

    public SearchUsers {
        Check.requestId(id);
        Check.required(query, "query");
    }
}
