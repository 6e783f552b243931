package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.packet.CreateGroup;
import org.qchat.protocol.packet.DissolveGroup;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.FriendRequestPush;
import org.qchat.protocol.packet.GroupJoinedPush;
import org.qchat.protocol.packet.GroupList;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.InviteToGroup;
import org.qchat.protocol.packet.JoinGroup;
import org.qchat.protocol.packet.ListGroups;
import org.qchat.protocol.packet.RespondFriendRequest;
import org.qchat.protocol.packet.SendFriendRequest;
import org.qchat.server.config.Caps;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.TestClient;

/**
 * The caps on what one user may accumulate: friends, groups, pending friend requests. A request
 * over a cap is answered TOO_LARGE and stores nothing, which each test re-reads through the
 * protocol.
 */
abstract class CapsContract extends ServerContract {

    private static final int MAX_FRIENDS = 2;
    private static final int MAX_GROUPS = 2;
    private static final int MAX_PENDING = 2;

    protected CapsContract(Backend backend) {
        super(backend);
    }

    @Override
    protected void configure(ServerConfig.Builder config) {
        config.caps(new Caps(MAX_FRIENDS, MAX_GROUPS, MAX_PENDING, Caps.defaults().maxOutboundQueueBytes()));
    }

    private static List<Long> friendIds(TestClient c) {
        return c.friends().stream().map(f -> f.user().userId()).toList();
    }

    private static List<Long> groupIds(TestClient c) {
        return c.expect(GroupList.class, new ListGroups(c.nextId())).groups().stream().map(GroupInfo::groupId).toList();
    }

    private static List<Long> outgoingTo(TestClient c) {
        return c.friendRequests().outgoing().stream().map(r -> r.to().userId()).toList();
    }

    private static FriendRequestInfo request(TestClient from, TestClient to) {
        from.expectOk(new SendFriendRequest(from.nextId(), to.userId(), null));
        return to.awaitPush(FriendRequestPush.class, p -> p.request().from().userId() == from.userId()).request();
    }

    /** A user who already has the most friends allowed. */
    private TestClient userWithFullFriendList(String prefix) {
        TestClient user = newUser(prefix);
        for (int i = 0; i < MAX_FRIENDS; i++) {
            befriend(user, newUser(prefix + "f"));
        }
        return user;
    }

    @Test
    void acceptingWhenTheAcceptorHasTooManyFriendsIsRefusedAndTheRequestStaysPending() {
        TestClient asker = newUser("ask");
        TestClient full = newUser("full");
        FriendRequestInfo pending = request(asker, full);
        for (int i = 0; i < MAX_FRIENDS; i++) {
            befriend(full, newUser("fullf"));
        }

        ErrorReply error = full.expectError(new RespondFriendRequest(full.nextId(), pending.requestId(), true),
                ErrorCode.TOO_LARGE);

        assertThat(error.message()).isEqualTo("you have too many friends (at most " + MAX_FRIENDS + ")");
        assertThat(friendIds(full)).hasSize(MAX_FRIENDS).doesNotContain(asker.userId());
        assertThat(friendIds(asker)).isEmpty();
        assertThat(full.friendRequests().incoming()).extracting(FriendRequestInfo::requestId)
                .containsExactly(pending.requestId());
        full.expectOk(new RespondFriendRequest(full.nextId(), pending.requestId(), false));
    }

    @Test
    void acceptingARequestFromSomeoneWhoNowHasTooManyFriendsIsRefused() {
        TestClient asker = newUser("ask");
        TestClient acceptor = newUser("acc");
        FriendRequestInfo pending = request(asker, acceptor);
        for (int i = 0; i < MAX_FRIENDS; i++) {
            befriend(asker, newUser("askf"));
        }

        ErrorReply error = acceptor.expectError(new RespondFriendRequest(acceptor.nextId(), pending.requestId(), true),
                ErrorCode.TOO_LARGE);

        assertThat(error.message()).isEqualTo("the other user has too many friends (at most " + MAX_FRIENDS + ")");
        assertThat(friendIds(acceptor)).isEmpty();
        assertThat(friendIds(asker)).hasSize(MAX_FRIENDS).doesNotContain(acceptor.userId());
        assertThat(acceptor.friendRequests().incoming()).hasSize(1);
    }

    @Test
    void crossedRequestsThatWouldExceedEitherSidesCapAreRefusedAndNothingIsStored() {
        TestClient first = newUser("cross");
        TestClient second = newUser("cross");
        request(first, second);
        for (int i = 0; i < MAX_FRIENDS; i++) {
            befriend(first, newUser("crossf"));
        }

        ErrorReply error = second.expectError(new SendFriendRequest(second.nextId(), first.userId(), null),
                ErrorCode.TOO_LARGE);

        assertThat(error.message()).isEqualTo("the other user has too many friends (at most " + MAX_FRIENDS + ")");
        assertThat(friendIds(second)).isEmpty();
        assertThat(outgoingTo(second)).as("the crossing request was not stored").isEmpty();
        assertThat(outgoingTo(first)).as("the first request is still pending").containsExactly(second.userId());
        first.assertNoPush(FriendRequestPush.class, p -> true, Duration.ofMillis(200));
    }

    @Test
    void aUserWithTooManyFriendsCannotSendFriendRequests() {
        TestClient full = userWithFullFriendList("sendfull");
        TestClient other = newUser("other");

        ErrorReply error = full.expectError(new SendFriendRequest(full.nextId(), other.userId(), "hi"),
                ErrorCode.TOO_LARGE);

        assertThat(error.message()).isEqualTo("you have too many friends (at most " + MAX_FRIENDS + ")");
        assertThat(outgoingTo(full)).isEmpty();
        assertThat(other.friendRequests().incoming()).isEmpty();
        other.assertNoPush(FriendRequestPush.class, p -> true, Duration.ofMillis(200));
    }

    @Test
    void tooManyPendingOutgoingRequestsAreRefusedUntilOneIsAnswered() {
        TestClient asker = newUser("pend");
        TestClient first = newUser("pendt");
        FriendRequestInfo firstRequest = request(asker, first);
        request(asker, newUser("pendt"));
        TestClient third = newUser("pendt");

        ErrorReply error = asker.expectError(new SendFriendRequest(asker.nextId(), third.userId(), null),
                ErrorCode.TOO_LARGE);

        assertThat(error.message())
                .startsWith("you have too many pending friend requests (at most " + MAX_PENDING + ")");
        assertThat(outgoingTo(asker)).hasSize(MAX_PENDING).doesNotContain(third.userId());
        assertThat(third.friendRequests().incoming()).isEmpty();
        asker.expectOk(new SendFriendRequest(asker.nextId(), first.userId(), "renewing is not a new request"));

        first.expectOk(new RespondFriendRequest(first.nextId(), firstRequest.requestId(), false));
        request(asker, third);
        assertThat(outgoingTo(asker)).hasSize(MAX_PENDING).contains(third.userId());
    }

    @Test
    void creatingMoreGroupsThanTheCapIsRefused() {
        TestClient user = newUser("grp");
        for (int i = 0; i < MAX_GROUPS; i++) {
            user.createGroup("mine " + i, JoinPolicy.OPEN);
        }
        List<Long> before = groupIds(user);

        ErrorReply error = user.expectError(new CreateGroup(user.nextId(), "one too many", null), ErrorCode.TOO_LARGE);

        assertThat(error.message()).isEqualTo("you are in too many groups (at most " + MAX_GROUPS + ")");
        assertThat(groupIds(user)).isEqualTo(before);
    }

    @Test
    void joiningMoreGroupsThanTheCapIsRefusedAndTheGroupIsUnchanged() {
        TestClient owner = newUser("own");
        GroupInfo open = owner.createGroup("open to all", JoinPolicy.OPEN);
        TestClient joiner = newUser("join");
        for (int i = 0; i < MAX_GROUPS; i++) {
            joiner.createGroup("joiner's " + i, JoinPolicy.OPEN);
        }

        ErrorReply error = joiner.expectError(new JoinGroup(joiner.nextId(), open.groupId()), ErrorCode.TOO_LARGE);

        assertThat(error.message()).isEqualTo("you are in too many groups (at most " + MAX_GROUPS + ")");
        assertThat(groupIds(joiner)).hasSize(MAX_GROUPS).doesNotContain(open.groupId());
        assertThat(owner.members(open.groupId())).extracting(m -> m.user().userId()).containsExactly(owner.userId());
    }

    @Test
    void anInviteThatWouldPutAnyInviteeOverTheGroupCapAddsNobody() {
        TestClient owner = newUser("inv");
        GroupInfo group = owner.createGroup("invites", JoinPolicy.INVITE);
        TestClient busy = newUser("busy");
        TestClient free = newUser("free");
        befriend(owner, busy);
        befriend(owner, free);
        for (int i = 0; i < MAX_GROUPS; i++) {
            busy.createGroup("busy " + i, JoinPolicy.OPEN);
        }

        ErrorReply error = owner.expectError(new InviteToGroup(owner.nextId(), group.groupId(),
                List.of(free.userId(), busy.userId())), ErrorCode.TOO_LARGE);

        assertThat(error.message()).isEqualTo(busy.username() + " is in too many groups (at most " + MAX_GROUPS + ")");
        assertThat(owner.members(group.groupId())).extracting(m -> m.user().userId())
                .containsExactly(owner.userId());
        assertThat(groupIds(free)).isEmpty();
        assertThat(groupIds(busy)).hasSize(MAX_GROUPS).doesNotContain(group.groupId());
        free.assertNoPush(GroupJoinedPush.class, p -> true, Duration.ofMillis(200));

        owner.expectOk(new InviteToGroup(owner.nextId(), group.groupId(), List.of(free.userId())));
        assertThat(groupIds(free)).containsExactly(group.groupId());
    }

    @Test
    void leavingAGroupMakesRoomForAnother() {
        TestClient user = newUser("room");
        GroupInfo first = newUser("roomo").createGroup("somewhere", JoinPolicy.OPEN);
        user.createGroup("a", JoinPolicy.OPEN);
        GroupInfo b = user.createGroup("b", JoinPolicy.OPEN);
        user.expectError(new JoinGroup(user.nextId(), first.groupId()), ErrorCode.TOO_LARGE);

        user.expectOk(new DissolveGroup(user.nextId(), b.groupId()));
        user.expect(GroupReply.class, new JoinGroup(user.nextId(), first.groupId()));
        assertThat(groupIds(user)).hasSize(MAX_GROUPS).contains(first.groupId());
    }
}
