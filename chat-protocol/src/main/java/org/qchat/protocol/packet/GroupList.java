package org.qchat.protocol.packet;

import java.util.List;
import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.GroupInfo;

/** A list of groups. */
@PacketType("groups")
public record GroupList(String id, List<GroupInfo> groups) implements Response {

    public GroupList {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
