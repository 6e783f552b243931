package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.server.integration.GroupsContract.chat;
import static org.qchat.server.integration.GroupsContract.events;
import static org.qchat.server.integration.PrivateChatContract.seqs;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.SystemEvent;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.GetGroup;
import org.qchat.protocol.packet.GroupJoinedPush;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.InviteToGroup;
import org.qchat.protocol.packet.JoinGroup;
import org.qchat.protocol.packet.KickMember;
import org.qchat.protocol.packet.LeaveGroup;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MuteAll;
import org.qchat.protocol.packet.MuteMember;
import org.qchat.protocol.packet.SendMessage;
import org.qchat.protocol.packet.SetGroupAdmin;
import org.qchat.protocol.packet.SetGroupNotice;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.MovableClock;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.Scenarios;
import org.qchat.server.testing.ServerHarness;
import org.qchat.server.testing.TestClient;

/** Group notice, mutes, and the system lines every group change writes into the group's history. */
abstract class GroupNoticeMuteContract extends ServerContract {

    protected GroupNoticeMuteContract(Backend backend) {
        super(backend);
    }

    /** A group of an owner, an admin and two plain members, all online. */
    private record Room(GroupInfo group, TestClient owner, TestClient admin, TestClient member, TestClient other) {
        long id() {
            return group.groupId();
        }

        long conv() {
            return group.convId();
        }

        List<TestClient> everyone() {
            return List.of(owner, admin, member, other);
        }
    }

    private Room room(ServerHarness on, String prefix) {
        TestClient owner = on.newUser(prefix);
        TestClient admin = on.newUser(prefix);
        TestClient member = on.newUser(prefix);
        TestClient other = on.newUser(prefix);
        GroupInfo group = owner.createGroup(Names.unique(prefix), null);
        for (TestClient c : List.of(admin, member, other)) {
            c.expect(GroupReply.class, new JoinGroup(c.nextId(), group.groupId()));
            c.awaitPush(GroupJoinedPush.class, p -> p.group().groupId() == group.groupId());
        }
        owner.expectOk(new SetGroupAdmin(owner.nextId(), group.groupId(), admin.userId(), true));
        return new Room(group, owner, admin, member, other);
    }

    private static GroupInfo get(TestClient c, long groupId) {
        return c.expect(GroupReply.class, new GetGroup(c.nextId(), groupId)).group();
    }

    private static MessageInfo awaitLine(TestClient c, long conv, String event) {
        return c.awaitPush(MessagePush.class, p -> p.message().convId() == conv
                && p.message().kind() == MessageKind.SYSTEM && p.message().system().event().equals(event)).message();
    }

    private static String name(TestClient c) {
        String nickname = c.user().nickname();
        return nickname == null || nickname.isBlank() ? c.username() : nickname;
    }

    private static MemberInfo member(List<MemberInfo> members, TestClient c) {
        return members.stream().filter(m -> m.user().userId() == c.userId()).findFirst().orElseThrow();
    }

    private static ErrorReply refused(TestClient c, long conv) {
        return c.expectError(new SendMessage(c.nextId(), conv, Names.msgId(), "may I?"), ErrorCode.FORBIDDEN);
    }

    @Test
    void theOwnerOrAnAdminSetsTheNoticeEveryMemberSeesItInTheGroupAndAsALine() {
        Room r = room(server, "notice");
        long before = System.currentTimeMillis();

        r.admin().expectOk(new SetGroupNotice(r.admin().nextId(), r.id(), "周六读书会 Saturday 15:00"));

        for (TestClient c : r.everyone()) {
            MessageInfo line = awaitLine(c, r.conv(), "notice");
            assertThat(line.senderId()).isEqualTo(r.admin().userId());
            assertThat(line.system()).isEqualTo(new SystemEvent("notice", r.admin().userId(), null, null, null,
                    "周六读书会 Saturday 15:00"));
            assertThat(line.text()).isEqualTo(name(r.admin()) + " set the group notice: 周六读书会 Saturday 15:00");
            GroupInfo seen = get(c, r.id());
            assertThat(seen.notice()).isEqualTo("周六读书会 Saturday 15:00");
            assertThat(seen.noticeBy()).isEqualTo(r.admin().userId());
            assertThat(seen.noticeTime()).isBetween(before, System.currentTimeMillis());
        }
        r.member().expectError(new SetGroupNotice(r.member().nextId(), r.id(), "mine now"), ErrorCode.FORBIDDEN);
        r.owner().expectError(new SetGroupNotice(r.owner().nextId(), r.id(), "长".repeat(2001)), ErrorCode.TOO_LARGE);
        assertThat(get(r.member(), r.id()).notice()).as("refusals change nothing").isEqualTo("周六读书会 Saturday 15:00");

        r.owner().expectOk(new SetGroupNotice(r.owner().nextId(), r.id(), ""));

        assertThat(awaitLine(r.member(), r.conv(), "notice").text()).isEqualTo(name(r.owner()) + " cleared the group notice");
        GroupInfo cleared = get(r.member(), r.id());
        assertThat(cleared.notice()).isNull();
        assertThat(cleared.noticeBy()).isNull();
        assertThat(cleared.noticeTime()).isNull();
        r.owner().expectOk(new SetGroupNotice(r.owner().nextId(), r.id(), "长".repeat(2000)));
        assertThat(get(r.member(), r.id()).notice()).hasSize(2000);
    }

    @Test
    void aMutedMemberCannotSendUntilUnmutedWhileEveryoneElseCan() {
        Room r = room(server, "mute");
        long before = System.currentTimeMillis();

        r.admin().expectOk(new MuteMember(r.admin().nextId(), r.id(), r.member().userId(), 10));

        MessageInfo line = awaitLine(r.other(), r.conv(), "muted");
        assertThat(line.system().targetId()).isEqualTo(r.member().userId());
        long until = line.system().until();
        assertThat(until).isBetween(before + 600_000, System.currentTimeMillis() + 600_000);
        assertThat(member(r.owner().members(r.id()), r.member()).mutedUntil()).isEqualTo(until);
        assertThat(member(r.owner().members(r.id()), r.other()).mutedUntil()).isNull();
        assertThat(refused(r.member(), r.conv()).message()).contains("muted");
        r.other().sendText(r.conv(), Names.msgId(), "I still may");
        r.owner().sendText(r.conv(), Names.msgId(), "so may I");

        r.owner().expectOk(new MuteMember(r.owner().nextId(), r.id(), r.member().userId(), 0));

        assertThat(awaitLine(r.member(), r.conv(), "unmuted").system())
                .isEqualTo(SystemEvent.of("unmuted", r.owner().userId(), r.member().userId()));
        assertThat(member(r.owner().members(r.id()), r.member()).mutedUntil()).isNull();
        String back = Names.msgId();
        r.member().sendText(r.conv(), back, "back again");
        r.other().awaitMessage(r.conv(), back);
    }

    @Test
    void aMuteEndsByItselfOnceItsTimeHasPassed() {
        MovableClock clock = new MovableClock();
        try (ServerHarness timed = ServerHarness.start(backend(), b -> b.idleTimeout(Duration.ofHours(1))
                .tokenIdleTimeout(Duration.ofDays(30)), clock)) {
            Room r = room(timed, "expire");
            r.owner().expectOk(new MuteMember(r.owner().nextId(), r.id(), r.member().userId(), 1));
            refused(r.member(), r.conv());

            clock.advance(Duration.ofSeconds(59));
            refused(r.member(), r.conv());
            clock.advance(Duration.ofSeconds(2));

            r.member().sendText(r.conv(), Names.msgId(), "a minute later");
            assertThat(member(r.owner().members(r.id()), r.member()).mutedUntil()).as("an ended mute is not shown").isNull();
        }
    }

    @Test
    void nobodyMutesTheOwnerAnAdminDoesNotMuteAnAdminAndPlainMembersMuteNobody() {
        Room r = room(server, "mutewho");
        TestClient admin2 = r.other();
        r.owner().expectOk(new SetGroupAdmin(r.owner().nextId(), r.id(), admin2.userId(), true));
        TestClient outsider = newUser("mutewho");

        r.admin().expectError(new MuteMember(r.admin().nextId(), r.id(), admin2.userId(), 10), ErrorCode.FORBIDDEN);
        r.admin().expectError(new MuteMember(r.admin().nextId(), r.id(), r.owner().userId(), 10), ErrorCode.FORBIDDEN);
        r.owner().expectError(new MuteMember(r.owner().nextId(), r.id(), r.owner().userId(), 10), ErrorCode.FORBIDDEN);
        r.member().expectError(new MuteMember(r.member().nextId(), r.id(), admin2.userId(), 10), ErrorCode.FORBIDDEN);
        r.owner().expectError(new MuteMember(r.owner().nextId(), r.id(), outsider.userId(), 10), ErrorCode.NOT_FOUND);
        outsider.expectError(new MuteMember(outsider.nextId(), r.id(), r.member().userId(), 10), ErrorCode.FORBIDDEN);
        assertThat(r.owner().requestJson("m-1", "{\"type\":\"group.mute\",\"id\":\"m-1\",\"groupId\":" + r.id()
                + ",\"userId\":" + r.member().userId() + ",\"minutes\":43201}"))
                .as("more than 30 days").isInstanceOfSatisfying(ErrorReply.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        assertThat(r.owner().members(r.id())).allSatisfy(m -> assertThat(m.mutedUntil()).isNull());
        r.admin().sendText(r.conv(), Names.msgId(), "admins unmuted");

        r.owner().expectOk(new MuteMember(r.owner().nextId(), r.id(), admin2.userId(), 43_200));

        refused(admin2, r.conv());
        r.admin().sendText(r.conv(), Names.msgId(), "the other admin still may");
    }

    @Test
    void muteAllLeavesOnlyTheOwnerAndAdminsAbleToSend() {
        Room r = room(server, "muteall");

        r.admin().expectOk(new MuteAll(r.admin().nextId(), r.id(), true));

        assertThat(awaitLine(r.member(), r.conv(), "mute_all").text()).isEqualTo(name(r.admin()) + " muted all members");
        assertThat(get(r.member(), r.id()).mutedAll()).isTrue();
        assertThat(refused(r.member(), r.conv()).message()).contains("all members are muted");
        refused(r.other(), r.conv());
        r.owner().sendText(r.conv(), Names.msgId(), "owner speaks");
        r.admin().sendText(r.conv(), Names.msgId(), "admin speaks");
        r.owner().expectOk(new SetGroupAdmin(r.owner().nextId(), r.id(), r.other().userId(), true));
        r.other().sendText(r.conv(), Names.msgId(), "an admin now");
        r.owner().expectOk(new SetGroupAdmin(r.owner().nextId(), r.id(), r.other().userId(), false));
        refused(r.other(), r.conv());
        r.member().expectError(new MuteAll(r.member().nextId(), r.id(), false), ErrorCode.FORBIDDEN);

        r.owner().expectOk(new MuteAll(r.owner().nextId(), r.id(), false));

        awaitLine(r.member(), r.conv(), "unmute_all");
        assertThat(get(r.member(), r.id()).mutedAll()).as("absent when not muted").isNull();
        r.member().sendText(r.conv(), Names.msgId(), "free again");
        List<String> seen = events(r.owner().history(r.conv(), null, null).messages());
        assertThat(seen).containsSubsequence("mute_all", "role", "role", "unmute_all");
    }

    @Test
    void everyMembershipChangeIsALineThatEachMemberSeesWithinTheirOwnPeriod() {
        TestClient owner = newUser("lines");
        TestClient joiner = newUser("lines");
        TestClient invited = newUser("lines");
        TestClient kicked = newUser("lines");
        Scenarios.befriend(owner, invited);
        GroupInfo group = owner.createGroup(Names.unique("lines"), null);
        long conv = group.convId();
        for (TestClient c : List.of(joiner, kicked)) {
            c.expect(GroupReply.class, new JoinGroup(c.nextId(), group.groupId()));
        }
        owner.expectOk(new InviteToGroup(owner.nextId(), group.groupId(), List.of(invited.userId())));
        owner.expectOk(new SetGroupAdmin(owner.nextId(), group.groupId(), joiner.userId(), true));
        owner.expectOk(new KickMember(owner.nextId(), group.groupId(), kicked.userId()));
        invited.expectOk(new LeaveGroup(invited.nextId(), group.groupId()));

        List<MessageInfo> all = owner.history(conv, null, null).messages();
        assertThat(all).allSatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.SYSTEM);
            assertThat(m.senderId()).isEqualTo(m.system().actorId());
        });
        assertThat(all).extracting(MessageInfo::system).containsExactly(
                SystemEvent.of("created", owner.userId(), null),
                SystemEvent.of("joined", joiner.userId(), joiner.userId()),
                SystemEvent.of("joined", kicked.userId(), kicked.userId()),
                SystemEvent.of("joined", owner.userId(), invited.userId()),
                new SystemEvent("role", owner.userId(), joiner.userId(), "admin", null, null),
                SystemEvent.of("kicked", owner.userId(), kicked.userId()),
                SystemEvent.of("left", invited.userId(), invited.userId()));
        assertThat(all).extracting(MessageInfo::text).containsExactly(
                name(owner) + " created the group",
                name(joiner) + " joined the group",
                name(kicked) + " joined the group",
                name(owner) + " invited " + name(invited) + " to the group",
                name(owner) + " made " + name(joiner) + " an admin",
                name(owner) + " removed " + name(kicked) + " from the group",
                name(invited) + " left the group");
        assertThat(seqs(kicked.history(conv, null, null).messages())).as("from its join to its kick")
                .containsExactly(3L, 4L, 5L, 6L);
        assertThat(seqs(invited.history(conv, null, null).messages())).as("from its invitation to its leaving")
                .containsExactly(4L, 5L, 6L, 7L);
        assertThat(seqs(joiner.history(conv, null, null).messages())).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        awaitLine(kicked, conv, "kicked");
        kicked.assertNoPush(MessagePush.class, p -> p.message().convId() == conv && p.message().seq() == 7,
                Duration.ofMillis(300));
        for (TestClient gone : List.of(kicked, invited)) {
            GroupInfo ended = get(gone, group.groupId());
            assertThat(ended.name()).as("the name stays with those who left").isEqualTo(group.name());
            assertThat(ended.role()).isNull();
        }
    }

    @Test
    void aClientCannotSendASystemLine() {
        TestClient owner = newUser("nosys");
        GroupInfo group = owner.createGroup(Names.unique("nosys"), null);

        var reply = owner.requestJson("s-1", "{\"type\":\"msg.send\",\"id\":\"s-1\",\"convId\":" + group.convId()
                + ",\"clientMsgId\":\"c-1\",\"text\":\"fake\",\"kind\":\"system\"}");

        assertThat(reply).isInstanceOfSatisfying(ErrorReply.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        assertThat(chat(owner.history(group.convId(), null, null).messages())).isEmpty();
    }
}
