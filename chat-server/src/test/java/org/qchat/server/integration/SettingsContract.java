package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.server.testing.TestClient.PASSWORD;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.packet.ConversationSettingsPush;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.FriendRemarkPush;
import org.qchat.protocol.packet.SetConversationSettings;
import org.qchat.protocol.packet.SetFriendRemark;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.TestClient;

/** Pinned and muted conversations and friend remarks, the same on all of a user's devices (docs/protocol.md 8.12). */
abstract class SettingsContract extends ServerContract {

    protected SettingsContract(Backend backend) {
        super(backend);
    }

    private static FriendInfo friend(List<FriendInfo> friends, TestClient who) {
        return friends.stream().filter(f -> f.user().userId() == who.userId()).findFirst()
                .orElseThrow(() -> new AssertionError(who + " not in " + friends));
    }

    private static void settings(TestClient who, long conv, Boolean pinned, Boolean dnd) {
        who.expectOk(new SetConversationSettings(who.nextId(), conv, pinned, dnd));
    }

    @Test
    void pinAndMuteReachTheUsersOtherDeviceAndComeBackInSyncAfterReconnecting() {
        TestClient phone = server.connect();
        phone.register(Names.unique("st"), PASSWORD, null, "phone");
        TestClient bob = newUser("st");
        long conv = befriend(phone, bob);
        TestClient laptop = server.login(phone.username(), PASSWORD, "laptop");

        settings(phone, conv, true, null);
        laptop.awaitPush(ConversationSettingsPush.class, p -> p.convId() == conv && p.pinned() && !p.dnd());
        settings(phone, conv, null, true);
        laptop.awaitPush(ConversationSettingsPush.class, p -> p.convId() == conv && p.pinned() && p.dnd());
        phone.awaitPush(ConversationSettingsPush.class, p -> p.convId() == conv && p.pinned() && p.dnd());
        laptop.close();

        TestClient again = server.login(phone.username(), PASSWORD, "laptop");
        ConversationInfo info = PrivateChatContract.conversation(again.sync(), conv);
        assertThat(info.pinnedOn()).isTrue();
        assertThat(info.muted()).isTrue();
        assertThat(PrivateChatContract.conversation(bob.sync(), conv).pinnedOn()).as("settings are the user's own").isFalse();

        settings(again, conv, false, null);
        ConversationInfo unpinned = PrivateChatContract.conversation(phone.sync(), conv);
        assertThat(unpinned.pinnedOn()).isFalse();
        assertThat(unpinned.muted()).as("an absent field stays as it was").isTrue();
    }

    @Test
    void settingsNeedAFieldAndAConversationTheUserIsOrWasIn() {
        TestClient alice = newUser("sv");
        TestClient bob = newUser("sv");
        TestClient stranger = newUser("sv");
        long conv = befriend(alice, bob);

        Object reply = alice.requestJson("none", "{\"type\":\"conv.settings\",\"id\":\"none\",\"convId\":" + conv + "}");
        assertThat(reply).isInstanceOfSatisfying(ErrorReply.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        stranger.expectError(new SetConversationSettings(stranger.nextId(), conv, true, null), ErrorCode.FORBIDDEN);
        alice.expectError(new SetConversationSettings(alice.nextId(), 987_654_321L, true, null), ErrorCode.NOT_FOUND);
        settings(alice, 1, null, true);

        assertThat(PrivateChatContract.conversation(alice.sync(), 1).muted()).as("the system conversation may be muted").isTrue();
        assertThat(PrivateChatContract.conversation(alice.sync(), conv).pinnedOn()).isFalse();
    }

    @Test
    void atMostTwentyConversationsArePinned() {
        TestClient alice = newUser("sp");
        List<Long> groups = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            groups.add(alice.createGroup("pin " + i, JoinPolicy.INVITE).groupId());
        }
        for (int i = 0; i < 20; i++) {
            settings(alice, groups.get(i), true, null);
        }

        alice.expectError(new SetConversationSettings(alice.nextId(), groups.get(20), true, null), ErrorCode.TOO_LARGE);
        settings(alice, groups.get(0), true, true);
        settings(alice, groups.get(20), null, true);
        settings(alice, groups.get(1), false, null);
        settings(alice, groups.get(20), true, null);

        long pinned = alice.sync().conversations().stream().filter(ConversationInfo::pinnedOn).count();
        assertThat(pinned).isEqualTo(20);
        assertThat(PrivateChatContract.conversation(alice.sync(), groups.get(1)).pinnedOn()).isFalse();
    }

    @Test
    void aRemarkReachesTheUsersOtherDevicesAndTheirFriendListButNotTheFriend() {
        TestClient phone = server.connect();
        phone.register(Names.unique("sr"), PASSWORD, null, "phone");
        TestClient bob = newUser("sr");
        befriend(phone, bob);
        TestClient laptop = server.login(phone.username(), PASSWORD, "laptop");

        phone.expectOk(new SetFriendRemark(phone.nextId(), bob.userId(), "  老板 Bob 😀 "));

        laptop.awaitPush(FriendRemarkPush.class, p -> p.userId() == bob.userId() && p.remark().equals("老板 Bob 😀"));
        assertThat(friend(laptop.friends(), bob).remark()).isEqualTo("老板 Bob 😀");
        assertThat(friend(bob.friends(), phone).remark()).as("a remark is private").isNull();
        laptop.close();
        TestClient again = server.login(phone.username(), PASSWORD, "laptop");
        assertThat(friend(again.friends(), bob).remark()).isEqualTo("老板 Bob 😀");

        phone.expectOk(new SetFriendRemark(phone.nextId(), bob.userId(), ""));
        again.awaitPush(FriendRemarkPush.class, p -> p.userId() == bob.userId() && p.remark().isEmpty());
        assertThat(friend(again.friends(), bob).remark()).isNull();
    }

    @Test
    void aRemarkIsForAFriendAndAtMostThirtyTwoCharacters() {
        TestClient alice = newUser("sq");
        TestClient bob = newUser("sq");
        TestClient stranger = newUser("sq");
        befriend(alice, bob);

        alice.expectError(new SetFriendRemark(alice.nextId(), bob.userId(), "x".repeat(33)), ErrorCode.BAD_REQUEST);
        alice.expectError(new SetFriendRemark(alice.nextId(), bob.userId(), "a\u0007b"), ErrorCode.BAD_REQUEST);
        alice.expectError(new SetFriendRemark(alice.nextId(), stranger.userId(), "who"), ErrorCode.FORBIDDEN);
        alice.expectError(new SetFriendRemark(alice.nextId(), 987_654_321L, "nobody"), ErrorCode.NOT_FOUND);
        Object missing = alice.requestJson("nr", "{\"type\":\"friend.remark\",\"id\":\"nr\",\"userId\":" + bob.userId() + "}");
        assertThat(missing).isInstanceOfSatisfying(ErrorReply.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        assertThat(friend(alice.friends(), bob).remark()).isNull();

        String longest = "😀".repeat(32);
        alice.expectOk(new SetFriendRemark(alice.nextId(), bob.userId(), longest));
        assertThat(friend(alice.friends(), bob).remark()).isEqualTo(longest);
    }
}
