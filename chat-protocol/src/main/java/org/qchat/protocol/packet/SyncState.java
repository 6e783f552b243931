package org.qchat.protocol.packet;

import java.util.List;
import org.qchat.protocol.Check;
import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.FriendRequestInfo;

/** Conversations with news for this device, and pending incoming friend requests. */
@PacketType("sync.state")
public record SyncState(String id, List<ConversationInfo> conversations, List<FriendRequestInfo> friendRequests, long serverTime) implements Response {

    public SyncState {
        conversations = conversations == null ? List.of() : List.copyOf(conversations);
        friendRequests = friendRequests == null ? List.of() : List.copyOf(friendRequests);
    }
}
