package org.qchat.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qchat.protocol.packet.*;

/**
 * The one table from wire {@code type} names to packet records. A duplicate name, or a record
 * without {@link PacketType}, fails when this class loads.
 */
public final class PacketRegistry {

    private static final List<Class<? extends Packet>> ALL = List.of(
            Welcome.class,
            Ping.class,
            Pong.class,
            Register.class,
            Login.class,
            Resume.class,
            SessionStarted.class,
            Logout.class,
            ChangePassword.class,
            UpdateProfile.class,
            UserReply.class,
            SearchUsers.class,
            UserList.class,
            BlockUser.class,
            UnblockUser.class,
            ListBlocked.class,
            SendFriendRequest.class,
            RespondFriendRequest.class,
            RemoveFriend.class,
            ListFriends.class,
            FriendList.class,
            ListFriendRequests.class,
            FriendRequestList.class,
            CreateGroup.class,
            GetGroup.class,
            GroupReply.class,
            SearchGroups.class,
            ListGroups.class,
            GroupList.class,
            InviteToGroup.class,
            JoinGroup.class,
            LeaveGroup.class,
            KickMember.class,
            SetGroupAdmin.class,
            DissolveGroup.class,
            SetGroupNotice.class,
            MuteMember.class,
            MuteAll.class,
            ListMembers.class,
            MemberList.class,
            SendMessage.class,
            MessageSent.class,
            PullMessages.class,
            MessageHistory.class,
            MessagePage.class,
            Sync.class,
            SyncState.class,
            AckCursor.class,
            Broadcast.class,
            DisableUser.class,
            ResetPassword.class,
            RecallMessage.class,
            Typing.class,
            Ok.class,
            ErrorReply.class,
            MessagePush.class,
            PresencePush.class,
            FriendRequestPush.class,
            FriendAddedPush.class,
            FriendRemovedPush.class,
            FriendDeclinedPush.class,
            UserUpdatedPush.class,
            GroupJoinedPush.class,
            GroupLeftPush.class,
            GroupMemberPush.class,
            ByePush.class,
            UploadFile.class,
            UploadStarted.class,
            ProveFile.class,
            FileStored.class,
            CancelTransfer.class,
            DownloadFile.class,
            DownloadStarted.class,
            UploadProgressPush.class,
            UploadDonePush.class,
            UploadFailedPush.class,
            DownloadFailedPush.class,
            MessageRecalledPush.class,
            TypingPush.class,
            MarkRead.class,
            ReceiptPush.class,
            ListReceipts.class,
            ReceiptList.class,
            SetConversationSettings.class,
            ConversationSettingsPush.class,
            SetFriendRemark.class,
            FriendRemarkPush.class
    );

    private static final Map<String, Class<? extends Packet>> BY_NAME;
    private static final Map<Class<? extends Packet>, String> BY_CLASS;

    static {
        Map<String, Class<? extends Packet>> byName = new LinkedHashMap<>();
        Map<Class<? extends Packet>, String> byClass = new LinkedHashMap<>();
        for (Class<? extends Packet> type : ALL) {
            PacketType annotation = type.getAnnotation(PacketType.class);
            if (annotation == null) {
                throw new IllegalStateException(type.getName() + " has no @PacketType");
            }
            String name = annotation.value();
            Class<? extends Packet> previous = byName.putIfAbsent(name, type);
            if (previous != null) {
                throw new IllegalStateException("type '" + name + "' is used by " + previous.getName()
                        + " and " + type.getName());
            }
            byClass.put(type, name);
        }
        BY_NAME = Collections.unmodifiableMap(byName);
        BY_CLASS = Collections.unmodifiableMap(byClass);
    }

    private PacketRegistry() {
    }

    /** Every packet record, in registration order. */
    public static List<Class<? extends Packet>> all() {
        return ALL;
    }

    public static Optional<Class<? extends Packet>> classOf(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static String typeOf(Class<?> packetClass) {
        String name = BY_CLASS.get(packetClass);
        if (name == null) {
            throw new IllegalArgumentException(packetClass.getName() + " is not a registered packet");
        }
        return name;
    }

    /** The request records, for code that must cover every request type (handlers, tests). */
    public static List<Class<? extends Packet>> requests() {
        return ALL.stream().filter(Request.class::isAssignableFrom).toList();
    }
}
