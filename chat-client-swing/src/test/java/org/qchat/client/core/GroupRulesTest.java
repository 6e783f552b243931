package org.qchat.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.user;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.GroupDirectory;
import org.qchat.client.testing.ClientHarness;
import org.qchat.client.testing.Wire;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.model.SystemEvent;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.GetGroup;
import org.qchat.protocol.packet.GroupJoinedPush;
import org.qchat.protocol.packet.GroupLeftPush;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.MessagePush;
import org.qchat.protocol.packet.MuteAll;
import org.qchat.protocol.packet.Ok;

/** Group notice, mutes, system lines and ended groups, as the client's models hold them (no network, no Swing). */
class GroupRulesTest {

    private static final UserInfo ME = user(1, "Alice");
    private static final long GROUP = 5;
    private final ClientHarness h = new ClientHarness();
    private final List<String> notices = new ArrayList<>();
    private long seq;

    @BeforeEach
    void aMemberOfHiking() {
        h.loginAs(ME, List.of(), List.of(Wire.group(GROUP, "Hiking", Role.MEMBER, 3)),
                List.of(Wire.groupConv(GROUP, 0, 0)));
        h.client.addEventListener(new ClientEvents() {
            @Override
            public void addedToGroup(GroupInfo group) {
                notices.add("added " + group.name());
            }
        });
    }

    private void line(long actor, SystemEvent event) {
        seq++;
        h.transport().receive(new MessagePush(new MessageInfo(100 + seq, GROUP, seq, actor, "sys:" + seq, "fallback",
                Wire.TIME, MessageKind.SYSTEM, null, null, null, null, null, event)));
    }

    private static GroupInfo hiking(Role role, String notice, Boolean mutedAll) {
        return new GroupInfo(GROUP, GROUP, "Hiking", JoinPolicy.OPEN, 9, 3, role, notice, notice == null ? null : 9L,
                notice == null ? null : Wire.TIME, mutedAll);
    }

    @Test
    void aSystemLineIsKeptWithItsEventNotAsText() {
        line(9, SystemEvent.of("kicked", 9, 3L));

        Conversation conv = h.client.conversations().get(GROUP).orElseThrow();
        ChatMessage last = conv.messages().get(conv.messages().size() - 1);
        assertThat(last.isSystemLine()).isTrue();
        assertThat(last.kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(last.system()).isEqualTo(SystemEvent.of("kicked", 9, 3L));
        assertThat(ChatMessage.stored(Wire.msg(GROUP, 7, 9, "plain")).isSystemLine()).isFalse();
    }

    @Test
    void aMuteOfMineBlocksSendingUntilItEndsOrIsLifted() {
        long until = System.currentTimeMillis() + 600_000;

        line(9, new SystemEvent("muted", 9, 1L, null, until, null));

        GroupDirectory.SendBlock block = h.client.groups().sendBlock(GROUP, until - 1);
        assertThat(block).isEqualTo(new GroupDirectory.SendBlock(false, until));
        assertThat(h.client.groups().sendBlock(GROUP, until)).as("over at its end").isNull();
        line(9, new SystemEvent("muted", 9, 4L, null, until + 5, null));
        assertThat(h.client.groups().sendBlock(GROUP, until - 1)).as("someone else's mute is not mine").isEqualTo(block);

        line(9, SystemEvent.of("unmuted", 9, 1L));

        assertThat(h.client.groups().sendBlock(GROUP, until - 1)).isNull();
    }

    @Test
    void muteAllBlocksPlainMembersButNotTheOwnerOrAdmins() {
        h.client.groups().put(hiking(Role.MEMBER, null, true));
        assertThat(h.client.groups().sendBlock(GROUP, 0)).isEqualTo(new GroupDirectory.SendBlock(true, 0));

        h.client.groups().put(hiking(Role.ADMIN, null, true));
        assertThat(h.client.groups().sendBlock(GROUP, 0)).isNull();

        h.client.groups().put(hiking(Role.MEMBER, null, null));
        assertThat(h.client.groups().sendBlock(GROUP, 0)).isNull();
    }

    @Test
    void aNoticeOrMuteAllLineFromSomeoneElseRereadsTheGroup() {
        line(9, new SystemEvent("notice", 9, null, null, null, "Meet at 8"));

        h.answer(GetGroup.class, q -> new GroupReply(q.id(), hiking(Role.MEMBER, "Meet at 8", null)));
        assertThat(h.client.groups().get(GROUP).orElseThrow().notice()).isEqualTo("Meet at 8");

        line(9, SystemEvent.of("mute_all", 9, null));

        h.answer(GetGroup.class, q -> new GroupReply(q.id(), hiking(Role.MEMBER, "Meet at 8", true)));
        assertThat(h.client.groups().sendBlock(GROUP, 0)).isNotNull();
    }

    @Test
    void aGroupIAmRemovedFromKeepsItsNameAndItsConversationBecomesReadOnly() {
        h.transport().receive(new GroupLeftPush(GROUP, "kicked"));

        assertThat(h.client.groups().isMember(GROUP)).isFalse();
        assertThat(h.client.groups().info(GROUP)).get().extracting(GroupInfo::name).isEqualTo("Hiking");
        assertThat(h.client.groups().info(GROUP).orElseThrow().role()).isNull();
        assertThat(h.client.conversations().get(GROUP).orElseThrow().isActive()).isFalse();
        assertThat(h.client.groups().sendBlock(GROUP, 0)).as("not a mute: not a member at all").isNull();

        h.transport().receive(new GroupJoinedPush(hiking(Role.MEMBER, null, null)));

        assertThat(h.client.groups().isMember(GROUP)).as("invited back").isTrue();
        assertThat(h.client.conversations().get(GROUP).orElseThrow().isActive()).isTrue();
    }

    @Test
    void afterALoginAGroupIWasInIsAskedForByIdForItsName() {
        ClientHarness fresh = new ClientHarness();
        fresh.loginAs(ME, List.of(), List.of(), List.of(Wire.groupConv(GROUP, 4, 4)));

        GetGroup asked = fresh.answer(GetGroup.class, q -> new GroupReply(q.id(), hiking(null, null, null)));

        assertThat(asked.groupId()).isEqualTo(GROUP);
        assertThat(fresh.client.groups().info(GROUP).orElseThrow().name()).isEqualTo("Hiking");
        assertThat(fresh.client.groups().isMember(GROUP)).isFalse();
    }

    @Test
    void beingAddedByOthersIsNoticedButAGroupICreatedIsNot() {
        h.transport().receive(new GroupJoinedPush(new GroupInfo(6, 6, "Chess", JoinPolicy.INVITE, 9, 2, Role.MEMBER)));
        h.transport().receive(new GroupJoinedPush(new GroupInfo(7, 7, "Mine", JoinPolicy.OPEN, 1, 1, Role.OWNER)));
        h.transport().receive(new GroupJoinedPush(new GroupInfo(6, 6, "Chess", JoinPolicy.INVITE, 9, 2, Role.MEMBER)));

        assertThat(notices).containsExactly("added Chess");
    }

    @Test
    void onlyTheOwnerAndAdminsModerateAndAdminsMutePlainMembersOnly() {
        var owner = Wire.member(9, "Olga", Role.OWNER, true);
        var admin = Wire.member(8, "Ada", Role.ADMIN, true);
        var plain = Wire.member(4, "Pat", Role.MEMBER, true);
        GroupDirectory groups = h.client.groups();
        assertThat(groups.canModerate(GROUP)).isFalse();
        assertThat(groups.canMute(GROUP, plain, 1)).isFalse();

        groups.put(hiking(Role.ADMIN, null, null));

        assertThat(groups.canModerate(GROUP)).isTrue();
        assertThat(groups.canMute(GROUP, plain, 1)).isTrue();
        assertThat(groups.canMute(GROUP, admin, 1)).isFalse();
        assertThat(groups.canMute(GROUP, owner, 1)).isFalse();
        groups.put(hiking(Role.OWNER, null, null));
        assertThat(groups.canMute(GROUP, admin, 1)).isTrue();
        assertThat(groups.canMute(GROUP, owner, 9)).as("not oneself").isFalse();
    }

    @Test
    void muteAllAsksTheServerThenRereadsTheGroup() {
        var done = h.client.groupUpdates().muteAll(GROUP, true);

        MuteAll sent = h.answer(MuteAll.class, q -> new Ok(q.id()));
        h.answer(GetGroup.class, q -> new GroupReply(q.id(), hiking(Role.ADMIN, null, true)));

        assertThat(sent.muted()).isTrue();
        assertThat(done).isCompleted();
        assertThat(h.client.groups().get(GROUP).orElseThrow().mutedAll()).isTrue();
    }
}
