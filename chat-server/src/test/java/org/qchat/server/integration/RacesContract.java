package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.FriendRequestList;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.JoinGroup;
import org.qchat.protocol.packet.MessageSent;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.Register;
import org.qchat.protocol.packet.SendFriendRequest;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.server.config.Limits;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.ServerHarness;
import org.qchat.server.testing.TestClient;

/**
 * Requests that race: pipelined on one connection (so they can land in one write batch) or sent
 * at once from several. Whatever the interleaving, the outcome must be one that some serial order
 * of the same requests would give, and never INTERNAL.
 */
abstract class RacesContract extends ServerContract {

    protected RacesContract(Backend backend) {
        super(backend);
    }

    private static String errorCode(Response reply) {
        return reply instanceof ErrorReply e ? e.code() + " (" + e.message() + ")" : reply.getClass().getSimpleName();
    }

    @Test
    void thePipelinedResendOfAMessageIsStoredOnceAndBothRepliesCarryTheSameAck() {
        TestClient alice = newUser("pipe");
        TestClient bob = newUser("pipe");
        long conv = befriend(alice, bob);
        String clientMsgId = Names.msgId();

        String first = alice.send(new SendMessage(alice.nextId(), conv, clientMsgId, "twice in a row"));
        String second = alice.send(new SendMessage(alice.nextId(), conv, clientMsgId, "twice in a row"));
        Response r1 = alice.awaitReply(first, TestClient.TIMEOUT);
        Response r2 = alice.awaitReply(second, TestClient.TIMEOUT);

        assertThat(r1).as("first: %s", errorCode(r1)).isInstanceOf(MessageSent.class);
        assertThat(r2).as("second: %s", errorCode(r2)).isInstanceOf(MessageSent.class);
        assertThat(r2).usingRecursiveComparison().ignoringFields("id").isEqualTo(r1);
        assertThat(bob.pullAll(conv, 0)).extracting(MessageInfo::clientMsgId).containsExactly(clientMsgId);
    }

    @Test
    void aConflictingMessageInABatchFailsAloneAndTheOthersAreStored() {
        TestClient alice = newUser("batch");
        TestClient bob = newUser("batch");
        TestClient carol = newUser("batch");
        long withBob = befriend(alice, bob);
        long withCarol = befriend(alice, carol);
        String shared = Names.msgId();

        List<String> ids = new ArrayList<>();
        ids.add(alice.send(new SendMessage(alice.nextId(), withBob, shared, "to bob")));
        ids.add(alice.send(new SendMessage(alice.nextId(), withCarol, shared, "to carol, same id")));
        ids.add(alice.send(new SendMessage(alice.nextId(), withBob, Names.msgId(), "to bob again")));
        ids.add(alice.send(new SendMessage(alice.nextId(), withCarol, Names.msgId(), "to carol")));
        List<Response> replies = ids.stream().map(id -> alice.awaitReply(id, TestClient.TIMEOUT)).toList();

        assertThat(replies.get(0)).as(errorCode(replies.get(0))).isInstanceOf(MessageSent.class);
        assertThat(replies.get(1)).isInstanceOf(ErrorReply.class);
        assertThat(((ErrorReply) replies.get(1)).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(replies.get(2)).as(errorCode(replies.get(2))).isInstanceOf(MessageSent.class);
        assertThat(replies.get(3)).as(errorCode(replies.get(3))).isInstanceOf(MessageSent.class);
        assertThat(bob.pullAll(withBob, 0)).extracting(MessageInfo::text).containsExactly("to bob", "to bob again");
        assertThat(carol.pullAll(withCarol, 0)).extracting(MessageInfo::text).containsExactly("to carol");
    }

    @Test
    void twoDevicesResendingTheSameMessageAtOnceStoreItOnce() {
        TestClient phone = server.connect();
        phone.register(Names.unique("twin"), TestClient.PASSWORD, null, "phone");
        TestClient desktop = server.login(phone.username(), TestClient.PASSWORD, "desktop");
        TestClient bob = newUser("twin");
        long conv = befriend(phone, bob);
        String clientMsgId = Names.msgId();

        String a = phone.send(new SendMessage(phone.nextId(), conv, clientMsgId, "from both"));
        String b = desktop.send(new SendMessage(desktop.nextId(), conv, clientMsgId, "from both"));
        Response ra = phone.awaitReply(a, TestClient.TIMEOUT);
        Response rb = desktop.awaitReply(b, TestClient.TIMEOUT);

        assertThat(ra).as(errorCode(ra)).isInstanceOf(MessageSent.class);
        assertThat(rb).as(errorCode(rb)).isInstanceOf(MessageSent.class);
        assertThat(rb).usingRecursiveComparison().ignoringFields("id").isEqualTo(ra);
        assertThat(bob.pullAll(conv, 0)).hasSize(1);
    }

    @Test
    void twoRegistrationsOfOneNameAtOnceGiveOneAccountAndOneConflict() {
        String name = Names.unique("race");
        TestClient a = server.connect();
        TestClient b = server.connect();

        String ra = a.send(new Register(a.nextId(), ProtocolVersion.CURRENT, name, TestClient.PASSWORD, null, null));
        String rb = b.send(new Register(b.nextId(), ProtocolVersion.CURRENT, name.toUpperCase(), TestClient.PASSWORD, null, null));
        List<Response> replies = List.of(a.awaitReply(ra, TestClient.TIMEOUT), b.awaitReply(rb, TestClient.TIMEOUT));

        assertThat(replies).filteredOn(r -> r instanceof SessionStarted).as("replies: %s", replies).hasSize(1);
        assertThat(replies).filteredOn(r -> r instanceof ErrorReply e && e.code() == ErrorCode.CONFLICT)
                .as("replies: %s", replies).hasSize(1);
    }

    @Test
    void crossedFriendRequestsSentAtOnceMakeTheTwoFriends() {
        TestClient alice = newUser("xreq");
        TestClient bob = newUser("xreq");

        String ra = alice.send(new SendFriendRequest(alice.nextId(), bob.userId(), null));
        String rb = bob.send(new SendFriendRequest(bob.nextId(), alice.userId(), null));
        Response fromAlice = alice.awaitReply(ra, TestClient.TIMEOUT);
        Response fromBob = bob.awaitReply(rb, TestClient.TIMEOUT);

        assertThat(fromAlice).as(errorCode(fromAlice)).isInstanceOf(Ok.class);
        assertThat(fromBob).as(errorCode(fromBob)).isInstanceOf(Ok.class);
        FriendRequestList pending = alice.friendRequests();
        assertThat(alice.friends()).as("whichever request came second accepts the first; instead alice has "
                        + "incoming %s and outgoing %s", pending.incoming(), pending.outgoing()).singleElement()
                .satisfies(f -> assertThat(f.user().userId()).isEqualTo(bob.userId()));
        assertThat(bob.friends()).singleElement().satisfies(f -> assertThat(f.user().userId()).isEqualTo(alice.userId()));
        assertThat(alice.friendRequests().outgoing()).isEmpty();
        assertThat(bob.friendRequests().outgoing()).isEmpty();
    }

    @Test
    void simultaneousJoinsNeverPushAGroupOverItsCap() {
        try (ServerHarness small = ServerHarness.start(backend(), b -> b.limits(Limits.defaults().withGroupMemberCap(3)))) {
            TestClient owner = small.newUser("jcap");
            GroupInfo group = owner.createGroup(Names.unique("jcap"), JoinPolicy.OPEN);
            List<TestClient> joiners = List.of(small.newUser("jcap"), small.newUser("jcap"), small.newUser("jcap"),
                    small.newUser("jcap"));

            List<String> ids = joiners.stream().map(c -> c.send(new JoinGroup(c.nextId(), group.groupId()))).toList();
            List<Response> replies = new ArrayList<>();
            for (int i = 0; i < joiners.size(); i++) {
                replies.add(joiners.get(i).awaitReply(ids.get(i), TestClient.TIMEOUT));
            }

            assertThat(replies).filteredOn(r -> r instanceof GroupReply).as("replies: %s", replies).hasSize(2);
            assertThat(replies).filteredOn(r -> r instanceof ErrorReply e && e.code() == ErrorCode.CONFLICT)
                    .as("replies: %s", replies).hasSize(2);
            assertThat(owner.members(group.groupId())).hasSize(3);
        }
    }
}
