package org.qchat.client.testing;

import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.model.UserInfo;

/** Short constructors for protocol values in tests. */
public final class Wire {

    public static final long TIME = 1_767_225_600_000L;

    private Wire() {
    }

    public static UserInfo user(long id, String name) {
        return new UserInfo(id, name.toLowerCase(java.util.Locale.ROOT), name, "");
    }

    public static FriendInfo friend(long id, String name, boolean online, long convId) {
        return new FriendInfo(user(id, name), online, convId);
    }

    public static MessageInfo msg(long convId, long seq, long senderId, String text) {
        return new MessageInfo(10_000 + convId * 1000 + seq, convId, seq, senderId, "c-" + convId + "-" + seq + "-" + senderId,
                text, TIME + seq);
    }

    public static ConversationInfo privateConv(long convId, long peerId, long lastSeq, long ackSeq) {
        return new ConversationInfo(convId, ConversationKind.PRIVATE, peerId, null, lastSeq, ackSeq, true);
    }

    public static ConversationInfo groupConv(long convId, long lastSeq, long ackSeq) {
        return new ConversationInfo(convId, ConversationKind.GROUP, null, convId, lastSeq, ackSeq, true);
    }

    public static ConversationInfo systemConv(long lastSeq, long ackSeq) {
        return new ConversationInfo(1, ConversationKind.SYSTEM, null, null, lastSeq, ackSeq, true);
    }

    public static GroupInfo group(long id, String name, Role role, int members) {
        return new GroupInfo(id, id, name, JoinPolicy.OPEN, 1, members, role);
    }

    public static MemberInfo member(long id, String name, Role role, boolean online) {
        return new MemberInfo(user(id, name), role, online);
    }
}
