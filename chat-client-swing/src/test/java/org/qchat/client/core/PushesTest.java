package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.user;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Contact;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.FriendAddedPush;
import org.qchat.protocol.packet.FriendRemovedPush;
import org.qchat.protocol.packet.FriendRequestPush;
import org.qchat.protocol.packet.GroupJoinedPush;
import org.qchat.protocol.packet.GroupLeftPush;
import org.qchat.protocol.packet.GroupMemberPush;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.PresencePush;
import org.qchat.protocol.packet.Sync;
import org.qchat.protocol.packet.UserUpdatedPush;

class PushesTest {

    private static final UserInfo ME = user(1, "Alice");
    private final ClientHarness h = new ClientHarness();
    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void loggedIn() {
        h.loginAs(ME, List.of(Wire.friend(2, "Bob", false, 12), Wire.friend(3, "Carol", true, 13)),
                List.of(Wire.group(5, "Hiking", Role.MEMBER, 3)),
                List.of(Wire.privateConv(12, 2, 0, 0), Wire.privateConv(13, 3, 0, 0), Wire.groupConv(5, 0, 0)));
        h.client.addEventListener(new ClientEvents() {
            @Override
            public void messageArrived(Conversation conversation, ChatMessage message) {
                notices.add("msg " + conversation.convId() + " " + message.text());
            }

            @Override
            public void friendRequestReceived(FriendRequestInfo request) {
                notices.add("request " + request.from().username());
            }

            @Override
            public void groupLeft(long groupId, String groupName, String reason) {
                notices.add("left " + groupName + " " + reason);
            }
        });
    }

    @Test
    void presencePushesKeepOnlineFriendsFirst() {
        assertThat(h.client.contacts().sorted()).extracting(Contact::displayName).containsExactly("Carol", "Bob");

        h.transport().receive(new PresencePush(2, true));
        h.transport().receive(new PresencePush(3, false));

        assertThat(h.client.contacts().sorted()).extracting(Contact::displayName).containsExactly("Bob", "Carol");
    }

    @Test
    void aNewMessageFromSomeoneElseIsNoticedButMyOwnFromAnotherDeviceIsNot() {
        h.transport().receive(new MessagePush(Wire.msg(12, 1, 2, "hi Alice")));
        h.transport().receive(new MessagePush(Wire.msg(12, 2, 1, "hi Bob (from my phone)")));
        h.transport().receive(new MessagePush(Wire.msg(12, 2, 1, "hi Bob (from my phone)")));

        assertThat(notices).containsExactly("msg 12 hi Alice");
        assertThat(h.client.conversations().get(12).orElseThrow().unreadCount()).isEqualTo(1);
    }

    @Test
    void aGroupMessageFromAStrangerLoadsTheMemberListOnceToLearnTheirName() {
        h.transport().receive(new MessagePush(Wire.msg(5, 1, 9, "hello from someone new")));
        h.transport().receive(new MessagePush(Wire.msg(5, 2, 9, "me again")));

        assertThat(h.transport().sent(org.qchat.protocol.packet.ListMembers.class)).hasSize(1);
        h.answer(org.qchat.protocol.packet.ListMembers.class, r -> new org.qchat.protocol.packet.MemberList(r.id(), 5,
                List.of(Wire.member(1, "Alice", Role.MEMBER, true), Wire.member(9, "Zed", Role.MEMBER, true))));
        assertThat(h.client.users().name(9)).isEqualTo("Zed");
    }

    @Test
    void aFriendRequestAppearsAndIsSettledWhenWeBecomeFriends() {
        UserInfo dave = user(4, "Dave");
        h.transport().receive(new FriendRequestPush(new FriendRequestInfo(77, dave, ME, "hi", Wire.TIME)));
        assertThat(h.client.friendRequests().incoming()).hasSize(1);
        assertThat(notices).containsExactly("request dave");

        h.transport().receive(new FriendAddedPush(new org.qchat.protocol.model.FriendInfo(dave, true, 14)));

        assertThat(h.client.friendRequests().incoming()).isEmpty();
        assertThat(h.client.contacts().isFriend(4)).isTrue();
        assertThat(h.client.conversations().get(14)).isPresent();
        assertThat(h.hasUnanswered(Sync.class)).as("learns the new conversation's cursors").isTrue();
    }

    @Test
    void anEndedFriendshipMakesTheConversationReadOnly() {
        h.transport().receive(new FriendRemovedPush(2));

        assertThat(h.client.contacts().isFriend(2)).isFalse();
        assertThat(h.client.conversations().get(12).orElseThrow().isActive()).isFalse();
    }

    @Test
    void aProfileChangeRenamesTheFriendAndMe() {
        h.transport().receive(new UserUpdatedPush(new UserInfo(2, "bob", "Robert", "busy")));
        h.transport().receive(new UserUpdatedPush(new UserInfo(1, "alice", "Ally", "")));

        assertThat(h.client.contacts().get(2).orElseThrow().displayName()).isEqualTo("Robert");
        assertThat(h.client.users().name(2)).isEqualTo("Robert");
        assertThat(h.client.session().me().nickname()).isEqualTo("Ally");
    }

    @Test
    void groupPushesAddAndRemoveGroupsAndMembers() {
        GroupInfo climbing = new GroupInfo(6, 6, "Climbing", org.qchat.protocol.model.JoinPolicy.INVITE, 3, 2, Role.MEMBER);
        h.transport().receive(new GroupJoinedPush(climbing));
        assertThat(h.client.groups().sorted()).extracting(GroupInfo::name).containsExactly("Climbing", "Hiking");

        h.transport().receive(new GroupMemberPush(5, Wire.member(9, "Zed", Role.MEMBER, true), "joined"));
        assertThat(h.client.groups().get(5).orElseThrow().memberCount()).isEqualTo(4);
        assertThat(h.client.users().name(9)).isEqualTo("Zed");

        h.transport().receive(new GroupLeftPush(5, "kicked"));
        assertThat(h.client.groups().isMember(5)).isFalse();
        assertThat(h.client.conversations().get(5).orElseThrow().isActive()).isFalse();
        assertThat(notices).containsExactly("left Hiking kicked");
    }
}
