package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.qchat.server.integration.PrivateChatContract.conversation;
import static org.qchat.server.integration.PrivateChatContract.seqs;
import static org.qchat.server.testing.TestClient.PASSWORD;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.ConversationInfo;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.model.SystemEvent;
import org.qchat.protocol.packet.CreateGroup;
import org.qchat.protocol.packet.DissolveGroup;
import org.qchat.protocol.packet.GetGroup;
import org.qchat.protocol.packet.GroupJoinedPush;
import org.qchat.protocol.packet.GroupLeftPush;
import org.qchat.protocol.packet.GroupList;
import org.qchat.protocol.packet.GroupMemberPush;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.InviteToGroup;
import org.qchat.protocol.packet.JoinGroup;
import org.qchat.protocol.packet.KickMember;
import org.qchat.protocol.packet.LeaveGroup;
import org.qchat.protocol.packet.ListGroups;
import org.qchat.protocol.packet.ListMembers;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.PullMessages;
import org.qchat.protocol.packet.SearchGroups;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SetGroupAdmin;
import org.qchat.server.config.Limits;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.ServerHarness;
import org.qchat.server.testing.TestClient;

/** Groups: membership, roles, pushes, message visibility per membership period. */
abstract class GroupsContract extends ServerContract {

    protected GroupsContract(Backend backend) {
        super(backend);
    }

    private static GroupInfo join(TestClient c, long groupId) {
        GroupInfo group = c.expect(GroupReply.class, new JoinGroup(c.nextId(), groupId)).group();
        c.awaitPush(GroupJoinedPush.class, p -> p.group().groupId() == groupId);
        return group;
    }

    private static List<GroupInfo> myGroups(TestClient c) {
        return c.expect(GroupList.class, new ListGroups(c.nextId())).groups();
    }

    /** The messages members wrote, without the group's system lines. */
    static List<MessageInfo> chat(List<MessageInfo> messages) {
        return messages.stream().filter(m -> m.kind() != MessageKind.SYSTEM).toList();
    }

    /** The events of the group's system lines, in order. */
    static List<String> events(List<MessageInfo> messages) {
        return messages.stream().filter(m -> m.kind() == MessageKind.SYSTEM).map(m -> m.system().event()).toList();
    }

    private static MemberInfo member(List<MemberInfo> members, TestClient c) {
        return members.stream().filter(m -> m.user().userId() == c.userId()).findFirst()
                .orElseThrow(() -> new AssertionError(c + " is not in " + members));
    }

    @Test
    void theCreatorOwnsANewGroupWhoseIdIsItsConversation() {
        TestClient owner = newUser("gown");
        TestClient other = newUser("gown");
        String name = "Team 团队 " + Names.unique("g");

        GroupInfo group = owner.createGroup(name, null);

        assertThat(group.name()).isEqualTo(name);
        assertThat(group.convId()).isEqualTo(group.groupId());
        assertThat(group.joinPolicy()).as("default policy").isEqualTo(JoinPolicy.OPEN);
        assertThat(group.ownerId()).isEqualTo(owner.userId());
        assertThat(group.memberCount()).isEqualTo(1);
        assertThat(group.role()).isEqualTo(Role.OWNER);
        owner.awaitPush(GroupJoinedPush.class, p -> p.group().groupId() == group.groupId());
        assertThat(myGroups(owner)).singleElement().satisfies(g -> assertThat(g.role()).isEqualTo(Role.OWNER));
        GroupInfo seenByOther = other.expect(GroupReply.class, new GetGroup(other.nextId(), group.groupId())).group();
        assertThat(seenByOther.name()).isEqualTo(name);
        assertThat(seenByOther.role()).as("not a member").isNull();
        other.expectError(new GetGroup(other.nextId(), 987_654_321L), ErrorCode.NOT_FOUND);
        owner.expectError(new CreateGroup(owner.nextId(), "", null), ErrorCode.BAD_REQUEST);
        owner.expectError(new CreateGroup(owner.nextId(), "汉".repeat(33), null), ErrorCode.BAD_REQUEST);
        assertThat(owner.createGroup("汉".repeat(32), JoinPolicy.INVITE).name()).isEqualTo("汉".repeat(32));
    }

    @Test
    void membersMayInviteTheirFriendsButNotStrangers() {
        TestClient owner = newUser("ginv");
        TestClient friend = newUser("ginv");
        TestClient friendOfFriend = newUser("ginv");
        TestClient stranger = newUser("ginv");
        befriend(owner, friend);
        befriend(friend, friendOfFriend);
        GroupInfo group = owner.createGroup(Names.unique("inv"), JoinPolicy.INVITE);

        owner.expectError(new InviteToGroup(owner.nextId(), group.groupId(), List.of(friend.userId(), stranger.userId())),
                ErrorCode.FORBIDDEN);
        assertThat(owner.members(group.groupId())).as("a failed invite adds nobody").hasSize(1);
        friend.expectError(new InviteToGroup(friend.nextId(), group.groupId(), List.of(friendOfFriend.userId())),
                ErrorCode.FORBIDDEN);

        owner.expectOk(new InviteToGroup(owner.nextId(), group.groupId(), List.of(friend.userId())));

        assertThat(friend.awaitPush(GroupJoinedPush.class, p -> p.group().groupId() == group.groupId()).group().role())
                .isEqualTo(Role.MEMBER);
        assertThat(owner.awaitPush(GroupMemberPush.class, p -> p.groupId() == group.groupId()))
                .satisfies(p -> {
                    assertThat(p.change()).isEqualTo("joined");
                    assertThat(p.member().user().userId()).isEqualTo(friend.userId());
                });
        // Any member may invite their own friends, also into an invite-only group.
        friend.expectOk(new InviteToGroup(friend.nextId(), group.groupId(),
                List.of(friendOfFriend.userId(), owner.userId())));
        friendOfFriend.awaitPush(GroupJoinedPush.class, p -> p.group().groupId() == group.groupId());
        assertThat(owner.members(group.groupId())).hasSize(3);
        stranger.expectError(new InviteToGroup(stranger.nextId(), group.groupId(), List.of(stranger.userId())),
                ErrorCode.FORBIDDEN);
    }

    @Test
    void anyoneMayJoinAnOpenGroupButNotAnInviteOnlyOne() {
        TestClient owner = newUser("gjoin");
        TestClient joiner = newUser("gjoin");
        GroupInfo open = owner.createGroup(Names.unique("open"), JoinPolicy.OPEN);
        GroupInfo closed = owner.createGroup(Names.unique("closed"), JoinPolicy.INVITE);

        GroupInfo joined = join(joiner, open.groupId());

        assertThat(joined.role()).isEqualTo(Role.MEMBER);
        assertThat(joined.memberCount()).isEqualTo(2);
        owner.awaitPush(GroupMemberPush.class, p -> p.groupId() == open.groupId() && p.change().equals("joined")
                && p.member().user().userId() == joiner.userId());
        joiner.expectError(new JoinGroup(joiner.nextId(), open.groupId()), ErrorCode.CONFLICT);
        joiner.expectError(new JoinGroup(joiner.nextId(), closed.groupId()), ErrorCode.FORBIDDEN);
        joiner.expectError(new JoinGroup(joiner.nextId(), 987_654_321L), ErrorCode.NOT_FOUND);
        assertThat(myGroups(joiner)).extracting(GroupInfo::groupId).containsExactly(open.groupId());
    }

    @Test
    void theMemberListShowsRolesAndPresenceToMembersOnly() {
        TestClient owner = newUser("gmem");
        TestClient admin = newUser("gmem");
        TestClient member = newUser("gmem");
        TestClient outsider = newUser("gmem");
        GroupInfo group = owner.createGroup(Names.unique("mem"), null);
        join(admin, group.groupId());
        join(member, group.groupId());
        owner.expectOk(new SetGroupAdmin(owner.nextId(), group.groupId(), admin.userId(), true));
        member.close();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(member(admin.members(group.groupId()), member).online()).isFalse());

        List<MemberInfo> members = admin.members(group.groupId());

        assertThat(members).hasSize(3);
        assertThat(member(members, owner).role()).isEqualTo(Role.OWNER);
        assertThat(member(members, admin).role()).isEqualTo(Role.ADMIN);
        assertThat(member(members, member).role()).isEqualTo(Role.MEMBER);
        assertThat(member(members, owner).online()).isTrue();
        assertThat(member(members, admin).online()).isTrue();
        assertThat(member(members, member).online()).isFalse();
        outsider.expectError(new ListMembers(outsider.nextId(), group.groupId()), ErrorCode.FORBIDDEN);
    }

    @Test
    void groupMessagesReachEveryOnlineMemberAndOfflineMembersAtTheirNextSync() {
        TestClient owner = newUser("gmsg");
        TestClient online = newUser("gmsg");
        TestClient offline = newUser("gmsg");
        GroupInfo group = owner.createGroup(Names.unique("msg"), null);
        long conv = group.convId();
        join(online, group.groupId());
        join(offline, group.groupId());
        offline.close();

        String first = Names.msgId();
        owner.sendText(conv, first, "hello group");
        String second = Names.msgId();
        online.sendText(conv, second, "hello back");

        // Seqs 1-3 are the lines of the group's creation and the two joins.
        assertThat(online.awaitMessage(conv, first).seq()).isEqualTo(4);
        assertThat(owner.awaitMessage(conv, second).seq()).isEqualTo(5);
        TestClient back = server.login(offline.username(), PASSWORD, null);
        ConversationInfo info = conversation(back.sync(), conv);
        assertThat(info.kind()).isEqualTo(ConversationKind.GROUP);
        assertThat(info.groupId()).isEqualTo(group.groupId());
        assertThat(info.lastSeq()).isEqualTo(5);
        assertThat(info.active()).isTrue();
        List<MessageInfo> pulled = back.pullAll(conv, info.ackSeq());
        assertThat(seqs(pulled)).as("from its own joined line on").containsExactly(3L, 4L, 5L);
        assertThat(pulled.get(0).system()).isEqualTo(SystemEvent.of("joined", offline.userId(), offline.userId()));
        assertThat(chat(pulled)).extracting(MessageInfo::clientMsgId).containsExactly(first, second);
    }

    @Test
    void aKickedMemberIsToldCannotSendAndNoLongerSeesNewMessages() {
        TestClient owner = newUser("gkick");
        TestClient stays = newUser("gkick");
        TestClient kicked = newUser("gkick");
        GroupInfo group = owner.createGroup(Names.unique("kick"), null);
        long conv = group.convId();
        join(stays, group.groupId());
        join(kicked, group.groupId());
        owner.sendText(conv, Names.msgId(), "before the kick");

        owner.expectOk(new KickMember(owner.nextId(), group.groupId(), kicked.userId()));

        GroupLeftPush left = kicked.awaitPush(GroupLeftPush.class, p -> p.groupId() == group.groupId());
        assertThat(left.reason()).isEqualTo("kicked");
        stays.awaitPush(GroupMemberPush.class, p -> p.groupId() == group.groupId() && p.change().equals("kicked")
                && p.member().user().userId() == kicked.userId());
        kicked.expectError(new SendMessage(kicked.nextId(), conv, Names.msgId(), "let me back"), ErrorCode.FORBIDDEN);
        String after = Names.msgId();
        owner.sendText(conv, after, "after the kick");
        stays.awaitMessage(conv, after);
        // 1 created, 2 and 3 joined, 4 "before the kick", 5 the kick, 6 "after the kick".
        MessagePush kickLine = kicked.awaitPush(MessagePush.class, p -> p.message().convId() == conv
                && p.message().kind() == MessageKind.SYSTEM && p.message().system().event().equals("kicked"));
        assertThat(kickLine.message().seq()).isEqualTo(5);
        assertThat(kickLine.message().system()).isEqualTo(SystemEvent.of("kicked", owner.userId(), kicked.userId()));
        kicked.assertNoPush(MessagePush.class, p -> p.message().convId() == conv && p.message().seq() == 6,
                Duration.ofMillis(300));
        assertThat(seqs(kicked.pullAll(conv, 0))).as("visibility ends at the kick's line").containsExactly(3L, 4L, 5L);
        assertThat(seqs(kicked.history(conv, null, null).messages())).containsExactly(3L, 4L, 5L);
        ConversationInfo info = conversation(kicked.sync(), conv);
        assertThat(info.active()).isFalse();
        assertThat(info.lastSeq()).isEqualTo(5);
        GroupInfo ended = kicked.expect(GroupReply.class, new GetGroup(kicked.nextId(), group.groupId())).group();
        assertThat(ended.name()).as("a kicked member keeps the group's name").isEqualTo(group.name());
        assertThat(ended.role()).isNull();
        kicked.ack(conv, 5);
        assertThat(kicked.sync().conversations()).extracting(ConversationInfo::convId)
                .as("an ended conversation with nothing unread is not listed").doesNotContain(conv);
        assertThat(myGroups(kicked)).isEmpty();
        owner.expectError(new KickMember(owner.nextId(), group.groupId(), kicked.userId()), ErrorCode.NOT_FOUND);
        owner.expectError(new KickMember(owner.nextId(), group.groupId(), owner.userId()), ErrorCode.BAD_REQUEST);
    }

    @Test
    void adminsMayKickPlainMembersOnlyAndOnlyTheOwnerGrantsOrRevokesAdmin() {
        TestClient owner = newUser("gadm");
        TestClient admin = newUser("gadm");
        TestClient admin2 = newUser("gadm");
        TestClient member = newUser("gadm");
        TestClient member2 = newUser("gadm");
        TestClient outsider = newUser("gadm");
        GroupInfo group = owner.createGroup(Names.unique("adm"), null);
        long id = group.groupId();
        for (TestClient c : List.of(admin, admin2, member, member2)) {
            join(c, id);
        }

        owner.expectOk(new SetGroupAdmin(owner.nextId(), id, admin.userId(), true));
        owner.expectOk(new SetGroupAdmin(owner.nextId(), id, admin2.userId(), true));

        member.awaitPush(GroupMemberPush.class, p -> p.groupId() == id && p.change().equals("role")
                && p.member().user().userId() == admin.userId() && p.member().role() == Role.ADMIN);
        admin.expectError(new SetGroupAdmin(admin.nextId(), id, member.userId(), true), ErrorCode.FORBIDDEN);
        owner.expectError(new SetGroupAdmin(owner.nextId(), id, owner.userId(), false), ErrorCode.BAD_REQUEST);
        owner.expectError(new SetGroupAdmin(owner.nextId(), id, outsider.userId(), true), ErrorCode.NOT_FOUND);
        admin.expectError(new KickMember(admin.nextId(), id, admin2.userId()), ErrorCode.FORBIDDEN);
        admin.expectError(new KickMember(admin.nextId(), id, owner.userId()), ErrorCode.FORBIDDEN);
        member.expectError(new KickMember(member.nextId(), id, member2.userId()), ErrorCode.FORBIDDEN);

        admin.expectOk(new KickMember(admin.nextId(), id, member2.userId()));

        member2.awaitPush(GroupLeftPush.class, p -> p.groupId() == id && p.reason().equals("kicked"));
        owner.expectOk(new SetGroupAdmin(owner.nextId(), id, admin.userId(), false));
        member.awaitPush(GroupMemberPush.class, p -> p.groupId() == id && p.change().equals("role")
                && p.member().user().userId() == admin.userId() && p.member().role() == Role.MEMBER);
        admin.expectError(new KickMember(admin.nextId(), id, member.userId()), ErrorCode.FORBIDDEN);
        owner.expectOk(new KickMember(owner.nextId(), id, admin2.userId()));
        assertThat(owner.members(id)).extracting(m -> m.user().userId())
                .containsExactlyInAnyOrder(owner.userId(), admin.userId(), member.userId());
    }

    @Test
    void membersMayLeaveButTheOwnerMayNot() {
        TestClient owner = newUser("gleave");
        TestClient leaver = newUser("gleave");
        GroupInfo group = owner.createGroup(Names.unique("leave"), null);
        join(leaver, group.groupId());

        leaver.expectOk(new LeaveGroup(leaver.nextId(), group.groupId()));

        assertThat(leaver.awaitPush(GroupLeftPush.class, p -> p.groupId() == group.groupId()).reason())
                .isEqualTo("left");
        owner.awaitPush(GroupMemberPush.class, p -> p.groupId() == group.groupId() && p.change().equals("left")
                && p.member().user().userId() == leaver.userId());
        leaver.expectError(new LeaveGroup(leaver.nextId(), group.groupId()), ErrorCode.FORBIDDEN);
        owner.expectError(new LeaveGroup(owner.nextId(), group.groupId()), ErrorCode.FORBIDDEN);
        assertThat(owner.members(group.groupId())).hasSize(1);
        assertThat(myGroups(leaver)).isEmpty();
    }

    @Test
    void dissolvingEndsTheGroupForEveryoneButKeepsItsHistory() {
        TestClient owner = newUser("gdis");
        TestClient member = newUser("gdis");
        GroupInfo group = owner.createGroup(Names.unique("dissolve"), null);
        long conv = group.convId();
        join(member, group.groupId());
        String last = Names.msgId();
        owner.sendText(conv, last, "last words");
        member.awaitMessage(conv, last);

        member.expectError(new DissolveGroup(member.nextId(), group.groupId()), ErrorCode.FORBIDDEN);
        owner.expectOk(new DissolveGroup(owner.nextId(), group.groupId()));

        for (TestClient c : List.of(owner, member)) {
            assertThat(c.awaitPush(GroupLeftPush.class, p -> p.groupId() == group.groupId()).reason())
                    .isEqualTo("dissolved");
            c.expectError(new SendMessage(c.nextId(), conv, Names.msgId(), "anyone?"), ErrorCode.FORBIDDEN);
            assertThat(myGroups(c)).isEmpty();
            List<MessageInfo> history = c.history(conv, null, null).messages();
            assertThat(chat(history)).extracting(MessageInfo::clientMsgId)
                    .as("history stays readable to past members").containsExactly(last);
            assertThat(history.get(history.size() - 1).system()).as("ending with the dissolve")
                    .isEqualTo(SystemEvent.of("dissolved", owner.userId(), null));
            GroupInfo ended = c.expect(GroupReply.class, new GetGroup(c.nextId(), group.groupId())).group();
            assertThat(ended.name()).as("former members keep the name").isEqualTo(group.name());
            assertThat(ended.role()).isNull();
            assertThat(ended.memberCount()).isZero();
        }
        assertThat(events(owner.history(conv, null, null).messages())).containsExactly("created", "joined", "dissolved");
        assertThat(events(member.history(conv, null, null).messages())).containsExactly("joined", "dissolved");
        TestClient outsider = newUser("gdis");
        outsider.expectError(new GetGroup(outsider.nextId(), group.groupId()), ErrorCode.NOT_FOUND);
        outsider.expectError(new JoinGroup(outsider.nextId(), group.groupId()), ErrorCode.NOT_FOUND);
        assertThat(outsider.expect(GroupList.class, new SearchGroups(outsider.nextId(), group.name(), null)).groups())
                .isEmpty();
    }

    @Test
    void aGroupAtItsMemberCapRefusesJoinsAndInvitesWithConflict() {
        try (ServerHarness small = ServerHarness.start(backend(),
                b -> b.limits(Limits.defaults().withGroupMemberCap(3)))) {
            TestClient owner = small.newUser("cap");
            TestClient[] friends = {small.newUser("cap"), small.newUser("cap"), small.newUser("cap")};
            for (TestClient f : friends) {
                befriend(owner, f);
            }
            GroupInfo byInvite = owner.createGroup(Names.unique("capinv"), JoinPolicy.INVITE);

            owner.expectError(new InviteToGroup(owner.nextId(), byInvite.groupId(),
                    List.of(friends[0].userId(), friends[1].userId(), friends[2].userId())), ErrorCode.CONFLICT);

            assertThat(owner.members(byInvite.groupId())).as("nobody added").hasSize(1);
            owner.expectOk(new InviteToGroup(owner.nextId(), byInvite.groupId(),
                    List.of(friends[0].userId(), friends[1].userId())));
            assertThat(owner.members(byInvite.groupId())).hasSize(3);

            GroupInfo open = owner.createGroup(Names.unique("capopen"), JoinPolicy.OPEN);
            join(friends[0], open.groupId());
            join(friends[1], open.groupId());
            friends[2].expectError(new JoinGroup(friends[2].nextId(), open.groupId()), ErrorCode.CONFLICT);
            assertThat(owner.members(open.groupId())).hasSize(3);
        }
    }

    @Test
    void aLateJoinerSeesOnlyMessagesFromItsOwnMembershipPeriods() {
        TestClient owner = newUser("glate");
        TestClient late = newUser("glate");
        GroupInfo group = owner.createGroup(Names.unique("late"), null);
        long conv = group.convId();
        for (int i = 1; i <= 3; i++) {
            owner.sendText(conv, Names.msgId(), "early " + i);
        }

        join(late, group.groupId()); // seq 5: the joined line
        owner.sendText(conv, Names.msgId(), "seq 6");

        assertThat(seqs(late.pullAll(conv, 0))).containsExactly(5L, 6L);
        assertThat(seqs(late.history(conv, null, null).messages())).containsExactly(5L, 6L);
        assertThat(conversation(late.sync(), conv).lastSeq()).isEqualTo(6);

        late.expectOk(new LeaveGroup(late.nextId(), group.groupId())); // seq 7: the left line
        owner.sendText(conv, Names.msgId(), "seq 8, while away");
        join(late, group.groupId()); // seq 9
        owner.sendText(conv, Names.msgId(), "seq 10");

        assertThat(seqs(late.pullAll(conv, 0))).as("each membership period, from its joined line to its left line")
                .containsExactly(5L, 6L, 7L, 9L, 10L);
        assertThat(events(late.pullAll(conv, 0))).containsExactly("joined", "left", "joined");
        assertThat(seqs(late.history(conv, null, null).messages())).containsExactly(5L, 6L, 7L, 9L, 10L);
        assertThat(late.history(conv, null, null).more()).isFalse();
        assertThat(seqs(owner.pullAll(conv, 0))).containsExactlyElementsOf(PrivateChatContract.range(1, 10));
    }

    @Test
    void aGroupYouWereAddedToWhileAwayAppearsInSyncWithTheLineOfYourInvitationOnly() {
        TestClient owner = newUser("gaway");
        TestClient away = newUser("gaway");
        befriend(owner, away);
        away.close();
        GroupInfo group = owner.createGroup(Names.unique("away"), JoinPolicy.INVITE);

        owner.expectOk(new InviteToGroup(owner.nextId(), group.groupId(), List.of(away.userId())));

        TestClient back = server.login(away.username(), PASSWORD, null);
        ConversationInfo info = conversation(back.sync(), group.convId());
        assertThat(info.active()).isTrue();
        assertThat(info.lastSeq()).as("the lines of the creation and the invitation").isEqualTo(2);
        assertThat(back.pullAll(group.convId(), 0)).extracting(MessageInfo::system)
                .containsExactly(SystemEvent.of("joined", owner.userId(), away.userId()));
        assertThat(myGroups(back)).extracting(GroupInfo::groupId).containsExactly(group.groupId());
        back.expectError(new PullMessages(back.nextId(), 987_654_321L, 0, null), ErrorCode.NOT_FOUND);
    }

    @Test
    void groupSearchMatchesAnywhereInTheNameIgnoringCaseWithPrefixesFirst() {
        TestClient owner = newUser("gsrch");
        String tag = Names.unique("findme");
        GroupInfo inside = owner.createGroup("Project " + tag + " 项目组", null);
        GroupInfo b = owner.createGroup(tag.toUpperCase(Locale.ROOT) + " Beta", JoinPolicy.INVITE);
        GroupInfo a = owner.createGroup(tag + " Alpha", null);
        owner.createGroup(Names.unique("other"), null);
        TestClient searcher = newUser("gsrch");

        List<GroupInfo> found = searcher.expect(GroupList.class, new SearchGroups(searcher.nextId(), tag, null)).groups();

        assertThat(found).extracting(GroupInfo::groupId).as("names starting with the query first, by name")
                .containsExactly(a.groupId(), b.groupId(), inside.groupId());
        assertThat(found).allSatisfy(g -> assertThat(g.role()).isNull());
        assertThat(searcher.expect(GroupList.class, new SearchGroups(searcher.nextId(), "项目", 50)).groups())
                .extracting(GroupInfo::groupId).contains(inside.groupId());
    }

    @Test
    void concurrentSendersGetGaplessSeqsAndEveryMemberReceivesThemInSeqOrder() throws InterruptedException {
        int perSender = 40;
        TestClient owner = newUser("gconc");
        TestClient second = newUser("gconc");
        TestClient watcher = newUser("gconc");
        GroupInfo group = owner.createGroup(Names.unique("conc"), null);
        long conv = group.convId();
        join(second, group.groupId());
        join(watcher, group.groupId());
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (TestClient sender : List.of(owner, second)) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < perSender; i++) {
                    sender.sendText(conv, Names.msgId(), sender.username() + " #" + i);
                }
            }, "sender-" + sender.username());
            t.setUncaughtExceptionHandler((thread, e) -> failures.add(e));
            senders.add(t);
        }

        senders.forEach(Thread::start);
        for (Thread t : senders) {
            t.join(Duration.ofSeconds(60).toMillis());
        }

        assertThat(failures).isEmpty();
        // Seqs 1-3 are the lines of the creation and the two joins; the watcher's period starts at 3.
        List<MessagePush> pushes = watcher.awaitPushes(MessagePush.class, p -> p.message().convId() == conv
                && p.message().kind() != MessageKind.SYSTEM, 2 * perSender, Duration.ofSeconds(30));
        assertThat(pushes).extracting(p -> p.message().seq()).as("pushed in seq order, gapless")
                .containsExactlyElementsOf(PrivateChatContract.range(4, 3 + 2 * perSender));
        for (TestClient sender : List.of(owner, second)) {
            List<String> own = pushes.stream().map(p -> p.message().text())
                    .filter(text -> text.startsWith(sender.username() + " #")).toList();
            assertThat(own).as("each sender's messages keep their order")
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perSender)
                            .mapToObj(i -> sender.username() + " #" + i).toList());
        }
        assertThat(seqs(watcher.pullAll(conv, 0))).containsExactlyElementsOf(PrivateChatContract.range(3, 3 + 2 * perSender));
    }

    @Test
    void anInviteNeedsAtLeastOneUser() {
        TestClient owner = newUser("gempty");
        GroupInfo group = owner.createGroup(Names.unique("empty"), null);

        owner.expectError(new InviteToGroup(owner.nextId(), group.groupId(), List.of()), ErrorCode.BAD_REQUEST);
    }
}
