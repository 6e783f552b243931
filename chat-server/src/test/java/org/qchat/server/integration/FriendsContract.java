package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.server.testing.TestClient.PASSWORD;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.FriendInfo;
import org.qchat.protocol.model.FriendRequestInfo;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.BlockUser;
import org.qchat.protocol.packet.FriendAddedPush;
import org.qchat.protocol.packet.FriendDeclinedPush;
import org.qchat.protocol.packet.FriendRemovedPush;
import org.qchat.protocol.packet.FriendRequestList;
import org.qchat.protocol.packet.FriendRequestPush;
import org.qchat.protocol.packet.ListBlocked;
import org.qchat.protocol.packet.Logout;
import org.qchat.protocol.packet.PresencePush;
import org.qchat.protocol.packet.PullMessages;
import org.qchat.protocol.packet.RemoveFriend;
import org.qchat.protocol.packet.RespondFriendRequest;
import org.qchat.protocol.packet.SearchUsers;
import org.qchat.protocol.packet.SendFriendRequest;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SyncState;
import org.qchat.protocol.packet.UnblockUser;
import org.qchat.protocol.packet.UserList;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.TestClient;

/** User search, friend requests, friendship, presence and blocking. */
abstract class FriendsContract extends ServerContract {

    protected FriendsContract(Backend backend) {
        super(backend);
    }

    private static List<UserInfo> search(TestClient c, String query, Integer limit) {
        return c.expect(UserList.class, new SearchUsers(c.nextId(), query, limit)).users();
    }

    private static FriendRequestInfo awaitRequestFrom(TestClient target, TestClient from) {
        return target.awaitPush(FriendRequestPush.class, p -> p.request().from().userId() == from.userId()).request();
    }

    private static boolean isFriendOf(TestClient c, TestClient other) {
        return c.friends().stream().anyMatch(f -> f.user().userId() == other.userId());
    }

    @Test
    void searchFindsUsersByUsernameOrNicknamePrefixIgnoringCaseOrderedByUsername() {
        String tag = Names.unique("srch");
        TestClient byName1 = server.connect();
        byName1.register(tag + "b", PASSWORD, "Beta", null);
        TestClient byName2 = server.connect();
        byName2.register(tag + "a", PASSWORD, "Alpha", null);
        TestClient byNick = server.connect();
        byNick.register(Names.unique("other"), PASSWORD, tag.toUpperCase(Locale.ROOT) + " Gamma", null);
        TestClient searcher = server.connect();
        searcher.register(tag + "c", PASSWORD, null, null);

        List<UserInfo> found = search(searcher, tag.toUpperCase(Locale.ROOT), null);

        List<String> expected = List.of(byName1.username(), byName2.username(), byNick.username()).stream()
                .sorted(Comparator.comparing(n -> n.toLowerCase(Locale.ROOT))).toList();
        assertThat(found).extracting(UserInfo::username).as("yourself excluded, ordered by username")
                .containsExactlyElementsOf(expected);
        assertThat(search(searcher, tag, 2)).extracting(UserInfo::username)
                .containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(search(searcher, "Alpha", 50)).extracting(UserInfo::userId).contains(byName2.userId());
    }

    @Test
    void searchFindsTheQueryInsideNamesAfterThoseItStarts() {
        String tag = Names.unique("mid");
        TestClient inside = server.connect();
        inside.register(Names.unique("zz") + tag, PASSWORD, "Someone", null);
        TestClient inNickname = server.connect();
        inNickname.register(Names.unique("aa"), PASSWORD, "项目组 " + tag, null);
        TestClient starts = server.connect();
        starts.register(tag + "z", PASSWORD, null, null);
        TestClient searcher = newUser("mid");

        assertThat(search(searcher, tag, null)).extracting(UserInfo::username).as("the name it starts first")
                .startsWith(starts.username())
                .containsExactlyInAnyOrder(starts.username(), inside.username(), inNickname.username());
        assertThat(search(searcher, "项目组", 50)).extracting(UserInfo::userId).contains(inNickname.userId());
    }

    @Test
    void searchTakesTheQueryLiterallyAndChecksItsLength() {
        TestClient c = newUser("lit");
        String tag = Names.unique("lx");
        TestClient lookalike = server.connect();
        lookalike.register(tag.replace('_', 'q'), PASSWORD, null, null);

        assertThat(search(c, "%", null)).as("'%' is not a wildcard").isEmpty();
        assertThat(search(c, tag, null)).as("'_' is not a wildcard").isEmpty();
        assertThat(search(c, "_", 50)).extracting(UserInfo::username).as("'_' matches itself")
                .isNotEmpty().allSatisfy(name -> assertThat(name).contains("_"));
        c.expectError(new SearchUsers(c.nextId(), "", null), ErrorCode.BAD_REQUEST);
        c.expectError(new SearchUsers(c.nextId(), "q".repeat(33), null), ErrorCode.BAD_REQUEST);
    }

    @Test
    void aRequestWithANoteReachesTheOnlineTargetAndAcceptingMakesBothFriends() {
        TestClient alice = newUser("req");
        TestClient bob = newUser("req");

        alice.expectOk(new SendFriendRequest(alice.nextId(), bob.userId(), "hi, it's Alice 你好"));

        FriendRequestInfo request = awaitRequestFrom(bob, alice);
        assertThat(request.from().userId()).isEqualTo(alice.userId());
        assertThat(request.to().userId()).isEqualTo(bob.userId());
        assertThat(request.note()).isEqualTo("hi, it's Alice 你好");
        assertThat(alice.friendRequests().outgoing()).extracting(FriendRequestInfo::requestId)
                .containsExactly(request.requestId());
        assertThat(bob.friendRequests().incoming()).extracting(FriendRequestInfo::requestId)
                .containsExactly(request.requestId());

        bob.expectOk(new RespondFriendRequest(bob.nextId(), request.requestId(), true));

        FriendInfo bobForAlice = alice.awaitPush(FriendAddedPush.class).friend();
        FriendInfo aliceForBob = bob.awaitPush(FriendAddedPush.class).friend();
        assertThat(bobForAlice.user().userId()).isEqualTo(bob.userId());
        assertThat(aliceForBob.user().userId()).isEqualTo(alice.userId());
        assertThat(bobForAlice.convId()).isEqualTo(aliceForBob.convId()).isPositive();
        assertThat(alice.friends()).singleElement().satisfies(f -> {
            assertThat(f.user().userId()).isEqualTo(bob.userId());
            assertThat(f.online()).isTrue();
            assertThat(f.convId()).isEqualTo(bobForAlice.convId());
        });
        assertThat(bob.friendRequests().incoming()).isEmpty();
        assertThat(alice.friendRequests().outgoing()).isEmpty();
        bob.expectError(new RespondFriendRequest(bob.nextId(), request.requestId(), true), ErrorCode.NOT_FOUND);
        alice.expectError(new SendFriendRequest(alice.nextId(), bob.userId(), null), ErrorCode.CONFLICT);
    }

    @Test
    void invalidFriendRequestsAreRejected() {
        TestClient alice = newUser("inv");
        TestClient bob = newUser("inv");
        TestClient carol = newUser("inv");

        alice.expectError(new SendFriendRequest(alice.nextId(), alice.userId(), null), ErrorCode.BAD_REQUEST);
        alice.expectError(new SendFriendRequest(alice.nextId(), 987_654_321L, null), ErrorCode.NOT_FOUND);
        alice.expectError(new SendFriendRequest(alice.nextId(), bob.userId(), "n".repeat(129)), ErrorCode.BAD_REQUEST);
        alice.expectOk(new SendFriendRequest(alice.nextId(), bob.userId(), "n".repeat(128)));
        FriendRequestInfo request = awaitRequestFrom(bob, alice);

        carol.expectError(new RespondFriendRequest(carol.nextId(), request.requestId(), true), ErrorCode.NOT_FOUND);
        alice.expectError(new RespondFriendRequest(alice.nextId(), request.requestId(), true), ErrorCode.NOT_FOUND);
        bob.expectError(new RespondFriendRequest(bob.nextId(), 987_654_321L, true), ErrorCode.NOT_FOUND);
        assertThat(bob.friendRequests().incoming()).extracting(FriendRequestInfo::requestId)
                .containsExactly(request.requestId());
    }

    @Test
    void repeatingAPendingRequestUpdatesItsNote() {
        TestClient alice = newUser("rep");
        TestClient bob = newUser("rep");

        alice.expectOk(new SendFriendRequest(alice.nextId(), bob.userId(), "first"));
        alice.expectOk(new SendFriendRequest(alice.nextId(), bob.userId(), "second"));

        assertThat(bob.friendRequests().incoming()).singleElement().satisfies(r -> {
            assertThat(r.from().userId()).isEqualTo(alice.userId());
            assertThat(r.note()).isEqualTo("second");
        });
    }

    @Test
    void crossedRequestsMakeTheTwoUsersFriendsAtOnce() {
        TestClient alice = newUser("cross");
        TestClient bob = newUser("cross");
        alice.expectOk(new SendFriendRequest(alice.nextId(), bob.userId(), null));

        bob.expectOk(new SendFriendRequest(bob.nextId(), alice.userId(), null));

        long convA = alice.awaitPush(FriendAddedPush.class, p -> p.friend().user().userId() == bob.userId())
                .friend().convId();
        long convB = bob.awaitPush(FriendAddedPush.class, p -> p.friend().user().userId() == alice.userId())
                .friend().convId();
        assertThat(convA).isEqualTo(convB);
        assertThat(isFriendOf(alice, bob)).isTrue();
        assertThat(isFriendOf(bob, alice)).isTrue();
        FriendRequestList left = bob.friendRequests();
        assertThat(left.incoming()).isEmpty();
        assertThat(left.outgoing()).isEmpty();
    }

    @Test
    void aRequestToAnOfflineUserIsSeenAtTheirNextLogin() {
        TestClient bob = newUser("offreq");
        String bobName = bob.username();
        bob.close();
        TestClient alice = newUser("offreq");

        alice.expectOk(new SendFriendRequest(alice.nextId(), bob.userId(), "while you were away"));

        TestClient bobAgain = server.login(bobName, PASSWORD, null);
        SyncState state = bobAgain.sync();
        assertThat(state.friendRequests()).singleElement().satisfies(r -> {
            assertThat(r.from().userId()).isEqualTo(alice.userId());
            assertThat(r.note()).isEqualTo("while you were away");
        });
        FriendRequestInfo listed = bobAgain.friendRequests().incoming().get(0);
        assertThat(listed.requestId()).isEqualTo(state.friendRequests().get(0).requestId());

        bobAgain.expectOk(new RespondFriendRequest(bobAgain.nextId(), listed.requestId(), true));
        alice.awaitPush(FriendAddedPush.class, p -> p.friend().user().userId() == bobAgain.userId());
        assertThat(bobAgain.sync().friendRequests()).isEmpty();
    }

    @Test
    void decliningTellsTheRequesterAndRemovesTheRequest() {
        TestClient alice = newUser("decl");
        TestClient bob = newUser("decl");
        alice.expectOk(new SendFriendRequest(alice.nextId(), bob.userId(), null));
        FriendRequestInfo request = awaitRequestFrom(bob, alice);

        bob.expectOk(new RespondFriendRequest(bob.nextId(), request.requestId(), false));

        FriendDeclinedPush declined = alice.awaitPush(FriendDeclinedPush.class);
        assertThat(declined.requestId()).isEqualTo(request.requestId());
        assertThat(declined.userId()).isEqualTo(bob.userId());
        assertThat(bob.friendRequests().incoming()).isEmpty();
        assertThat(alice.friendRequests().outgoing()).isEmpty();
        assertThat(isFriendOf(alice, bob)).isFalse();
        bob.expectError(new RespondFriendRequest(bob.nextId(), request.requestId(), true), ErrorCode.NOT_FOUND);
        alice.expectOk(new SendFriendRequest(alice.nextId(), bob.userId(), "try again"));
        assertThat(awaitRequestFrom(bob, alice).note()).isEqualTo("try again");
    }

    @Test
    void friendsSeePresenceOnLoginLogoutAndAbruptDisconnect() {
        TestClient alice = newUser("pres");
        TestClient bob = newUser("pres");
        befriend(alice, bob);
        String bobName = bob.username();
        long bobId = bob.userId();

        bob.closeAbruptly();
        alice.awaitPush(PresencePush.class, p -> p.userId() == bobId && !p.online());
        assertThat(alice.friends()).singleElement().satisfies(f -> assertThat(f.online()).isFalse());

        TestClient bobAgain = server.login(bobName, PASSWORD, null);
        alice.awaitPush(PresencePush.class, p -> p.userId() == bobId && p.online());
        assertThat(alice.friends()).singleElement().satisfies(f -> assertThat(f.online()).isTrue());

        bobAgain.expectOk(new Logout(bobAgain.nextId()));
        alice.awaitPush(PresencePush.class, p -> p.userId() == bobId && !p.online());

        bobAgain.login(bobName, PASSWORD, null);
        alice.awaitPush(PresencePush.class, p -> p.userId() == bobId && p.online());

        bobAgain.close();
        alice.awaitPush(PresencePush.class, p -> p.userId() == bobId && !p.online());
        assertThat(alice.takePushes(PresencePush.class, p -> p.userId() == alice.userId()))
                .as("no presence about yourself").isEmpty();
    }

    @Test
    void removingAFriendEndsPrivateMessagingForBothAndRefriendingReusesTheConversation() {
        TestClient alice = newUser("rem");
        TestClient bob = newUser("rem");
        long conv = befriend(alice, bob);
        alice.sendText(conv, Names.msgId(), "before");

        alice.expectOk(new RemoveFriend(alice.nextId(), bob.userId()));

        alice.awaitPush(FriendRemovedPush.class, p -> p.userId() == bob.userId());
        bob.awaitPush(FriendRemovedPush.class, p -> p.userId() == alice.userId());
        alice.expectError(new SendMessage(alice.nextId(), conv, Names.msgId(), "after"), ErrorCode.FORBIDDEN);
        bob.expectError(new SendMessage(bob.nextId(), conv, Names.msgId(), "after"), ErrorCode.FORBIDDEN);
        alice.expectError(new RemoveFriend(alice.nextId(), bob.userId()), ErrorCode.NOT_FOUND);
        assertThat(isFriendOf(alice, bob)).isFalse();
        assertThat(isFriendOf(bob, alice)).isFalse();
        ConversationInfo ended = bob.sync().conversations().stream().filter(c -> c.convId() == conv).findFirst()
                .orElseThrow(() -> new AssertionError("an ended conversation with unread messages is listed"));
        assertThat(ended.active()).isFalse();
        assertThat(ended.lastSeq()).isEqualTo(1);
        assertThat(bob.pullAll(conv, 0)).extracting(m -> m.text()).containsExactly("before");

        long again = befriend(bob, alice);

        assertThat(again).as("the private conversation survives unfriend/refriend").isEqualTo(conv);
        assertThat(bob.sendText(conv, Names.msgId(), "again").seq()).isEqualTo(2);
        assertThat(alice.pullAll(conv, 0)).extracting(m -> m.text()).containsExactly("before", "again");
    }

    @Test
    void aBlockedUserCanNeitherMessageNorBefriendTheBlocker() {
        TestClient alice = newUser("blk");
        TestClient bob = newUser("blk");
        long conv = befriend(alice, bob);

        bob.expectOk(new BlockUser(bob.nextId(), alice.userId()));
        bob.expectOk(new BlockUser(bob.nextId(), alice.userId()));

        assertThat(bob.expect(UserList.class, new ListBlocked(bob.nextId())).users())
                .extracting(UserInfo::userId).containsExactly(alice.userId());
        alice.expectError(new SendMessage(alice.nextId(), conv, Names.msgId(), "let me in"), ErrorCode.FORBIDDEN);
        String fromBob = Names.msgId();
        bob.sendText(conv, fromBob, "the blocker may still write");
        alice.awaitMessage(conv, fromBob);
        assertThat(isFriendOf(alice, bob)).as("the friendship stays").isTrue();

        bob.expectOk(new UnblockUser(bob.nextId(), alice.userId()));
        bob.expectOk(new UnblockUser(bob.nextId(), alice.userId()));
        bob.expectError(new UnblockUser(bob.nextId(), bob.userId()), ErrorCode.BAD_REQUEST);

        assertThat(bob.expect(UserList.class, new ListBlocked(bob.nextId())).users()).isEmpty();
        String fromAlice = Names.msgId();
        alice.sendText(conv, fromAlice, "thanks");
        bob.awaitMessage(conv, fromAlice);
    }

    @Test
    void blockingDeletesPendingRequestsAndForbidsNewOnesEitherWay() {
        TestClient blocker = newUser("blk2");
        TestClient pest = newUser("blk2");
        pest.expectOk(new SendFriendRequest(pest.nextId(), blocker.userId(), "please"));
        awaitRequestFrom(blocker, pest);

        blocker.expectOk(new BlockUser(blocker.nextId(), pest.userId()));

        assertThat(blocker.friendRequests().incoming()).isEmpty();
        assertThat(pest.friendRequests().outgoing()).isEmpty();
        pest.expectError(new SendFriendRequest(pest.nextId(), blocker.userId(), "again"), ErrorCode.FORBIDDEN);
        blocker.expectError(new SendFriendRequest(blocker.nextId(), pest.userId(), null), ErrorCode.FORBIDDEN);
        blocker.expectError(new BlockUser(blocker.nextId(), blocker.userId()), ErrorCode.BAD_REQUEST);
        blocker.expectError(new BlockUser(blocker.nextId(), 987_654_321L), ErrorCode.NOT_FOUND);
    }

    @Test
    void privateMessagesNeedAFriendship() {
        TestClient alice = newUser("nf");
        TestClient bob = newUser("nf");
        TestClient stranger = newUser("nf");
        long conv = befriend(alice, bob);

        stranger.expectError(new SendMessage(stranger.nextId(), conv, Names.msgId(), "hi"), ErrorCode.FORBIDDEN);
        stranger.expectError(new PullMessages(stranger.nextId(), conv, 0, null), ErrorCode.FORBIDDEN);
        stranger.expectError(new SendMessage(stranger.nextId(), 987_654_321L, Names.msgId(), "hi"), ErrorCode.NOT_FOUND);
        alice.expectError(new SendMessage(alice.nextId(), 1, Names.msgId(), "to everyone"), ErrorCode.FORBIDDEN);
        assertThat(bob.pullAll(conv, 0)).isEmpty();
    }
}
