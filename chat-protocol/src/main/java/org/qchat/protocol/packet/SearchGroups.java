package org.qchat.protocol.packet;

import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Request;

/** Finds groups whose name starts with {@code query}. Answered with {@link GroupList}. */
@PacketType("group.search")
public record SearchGroups(String id, String query, Integer limit) implements Request {

    public SearchGroups {
        Check.requestId(id);
        Check.required(query, "query");
    }
}
