package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.server.integration.PrivateChatContract.conversation;
import static org.qchat.server.integration.PrivateChatContract.seqs;
import static org.qchat.server.testing.TestClient.PASSWORD;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.BlockUser;
import org.qchat.protocol.packet.Broadcast;
import org.qchat.protocol.packet.GroupList;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.JoinGroup;
import org.qchat.protocol.packet.ListBlocked;
import org.qchat.protocol.packet.ListGroups;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.SendFriendRequest;
import org.qchat.protocol.packet.UpdateProfile;
import org.qchat.protocol.packet.UserList;
import org.qchat.protocol.packet.UserReply;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.TestClient;

/** A graceful restart on the same data directory (embedded) or schema (PostgreSQL) loses nothing. */
abstract class RestartContract extends ServerContract {

    protected RestartContract(Backend backend) {
        super(backend);
    }

    @Test
    void accountsFriendsGroupsMessagesCursorsAndTokensSurviveARestart() {
        TestClient alice = server.connect();
        alice.register(Names.unique("rs"), PASSWORD, "Alice", "alice-pc");
        alice.expect(UserReply.class, new UpdateProfile(alice.nextId(), null, "persisted signature"));
        TestClient bob = server.connect();
        bob.register(Names.unique("rs"), PASSWORD, null, "bob-phone");
        TestClient carol = newUser("rs");
        long conv = befriend(alice, bob);
        List<MessageSent> privateAcks = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            privateAcks.add(alice.sendText(conv, Names.msgId(), "private " + i));
        }
        bob.ack(conv, 2);
        GroupInfo group = alice.createGroup(Names.unique("rsgroup"), null);
        carol.expect(GroupReply.class, new JoinGroup(carol.nextId(), group.groupId()));
        MessageSent groupAck = carol.sendText(group.convId(), Names.msgId(), "group message");
        carol.expectOk(new SendFriendRequest(carol.nextId(), alice.userId(), "pending across restart"));
        bob.expectOk(new BlockUser(bob.nextId(), carol.userId()));
        TestClient admin = server.admin();
        MessageSent broadcast = admin.expect(MessageSent.class, new Broadcast(admin.nextId(), Names.msgId(), "persisted"));
        List<MessageInfo> privateBefore = bob.pullAll(conv, 0);
        String bobToken = bob.token();
        server.closeClients();

        server.restart();

        TestClient alice2 = server.login(alice.username(), PASSWORD, "alice-pc");
        assertThat(alice2.user()).isEqualTo(new UserInfo(alice.userId(), alice.username(), "Alice", "persisted signature"));
        TestClient bob2 = server.connect();
        assertThat(bob2.resume(bobToken, null).device()).as("tokens survive").isEqualTo("bob-phone");
        TestClient carol2 = server.login(carol.username(), PASSWORD, null);

        assertThat(alice2.friends()).singleElement().satisfies(f -> {
            assertThat(f.user().userId()).isEqualTo(bob.userId());
            assertThat(f.convId()).isEqualTo(conv);
        });
        assertThat(alice2.friendRequests().incoming()).extracting(FriendRequestInfo::note)
                .containsExactly("pending across restart");
        assertThat(bob2.expect(UserList.class, new ListBlocked(bob2.nextId())).users())
                .extracting(UserInfo::userId).containsExactly(carol.userId());
        assertThat(bob2.pullAll(conv, 0)).as("messages unchanged").isEqualTo(privateBefore);
        assertThat(conversation(bob2.sync(), conv).ackSeq()).as("cursors survive").isEqualTo(2);
        assertThat(conversation(bob2.sync(), conv).lastSeq()).isEqualTo(3);
        assertThat(carol2.expect(GroupList.class, new ListGroups(carol2.nextId())).groups()).singleElement()
                .satisfies(g -> {
                    assertThat(g.groupId()).isEqualTo(group.groupId());
                    assertThat(g.role()).isEqualTo(Role.MEMBER);
                });
        assertThat(alice2.members(group.groupId())).extracting(MemberInfo::role)
                .containsExactlyInAnyOrder(Role.OWNER, Role.MEMBER);
        List<MessageInfo> groupAfter = alice2.pullAll(group.convId(), 0);
        assertThat(GroupsContract.chat(groupAfter)).singleElement()
                .satisfies(m -> assertThat(m.msgId()).isEqualTo(groupAck.msgId()));
        assertThat(groupAfter.get(1).system()).as("system lines survive with their event")
                .isEqualTo(org.qchat.protocol.model.SystemEvent.of("joined", carol.userId(), carol.userId()));
        assertThat(bob2.pullAll(1, 0)).extracting(MessageInfo::msgId).contains(broadcast.msgId());

        MessageSent resent = alice2.sendText(conv, privateAcks.get(1).clientMsgId(), "private 2");
        assertThat(resent).as("a pre-restart clientMsgId still returns the original ack")
                .usingRecursiveComparison().ignoringFields("id").isEqualTo(privateAcks.get(1));
        String next = Names.msgId();
        MessageSent fresh = alice2.sendText(conv, next, "after restart");
        assertThat(fresh.seq()).isEqualTo(4);
        assertThat(fresh.msgId()).isGreaterThan(broadcast.msgId());
        assertThat(bob2.awaitMessage(conv, next).seq()).isEqualTo(4);
        assertThat(seqs(bob2.pullAll(conv, 0))).containsExactly(1L, 2L, 3L, 4L);
    }
}
