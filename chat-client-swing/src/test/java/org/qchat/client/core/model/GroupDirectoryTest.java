package org.qchat.client.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.group;
import static org.qchat.client.testing.Wire.member;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.Role;

class GroupDirectoryTest {

    private static final long ME = 1;
    private final GroupDirectory groups = new GroupDirectory();

    private void iAm(Role role) {
        groups.replaceAll(List.of(group(5, "Hiking", role, 4)));
        groups.replaceMembers(5, List.of(
                member(ME, "Me", role, true),
                member(2, "Owner", role == Role.OWNER ? Role.ADMIN : Role.OWNER, true),
                member(3, "Admin", Role.ADMIN, false),
                member(4, "Plain", Role.MEMBER, true)));
    }

    private MemberInfo m(long id) {
        return groups.member(5, id).orElseThrow();
    }

    @Test
    void theOwnerMayKickAnyoneElseAndChangeAdmins() {
        iAm(Role.OWNER);

        assertThat(groups.canKick(5, m(3), ME)).isTrue();
        assertThat(groups.canKick(5, m(4), ME)).isTrue();
        assertThat(groups.canKick(5, m(ME), ME)).as("not myself").isFalse();
        assertThat(groups.canChangeAdmin(5, m(4), ME)).isTrue();
        assertThat(groups.canDissolve(5)).isTrue();
        assertThat(groups.canLeave(5)).as("the owner dissolves instead").isFalse();
    }

    @Test
    void anAdminMayKickOnlyPlainMembersAndCannotChangeAdmins() {
        iAm(Role.ADMIN);

        assertThat(groups.canKick(5, m(4), ME)).isTrue();
        assertThat(groups.canKick(5, m(3), ME)).isFalse();
        assertThat(groups.canKick(5, m(2), ME)).isFalse();
        assertThat(groups.canChangeAdmin(5, m(4), ME)).isFalse();
        assertThat(groups.canDissolve(5)).isFalse();
        assertThat(groups.canLeave(5)).isTrue();
    }

    @Test
    void aPlainMemberMayDoNoneOfTheOwnerActions() {
        iAm(Role.MEMBER);

        assertThat(groups.members(5)).allSatisfy(target -> {
            assertThat(groups.canKick(5, target, ME)).isFalse();
            assertThat(groups.canChangeAdmin(5, target, ME)).isFalse();
        });
        assertThat(groups.canDissolve(5)).isFalse();
    }

    @Test
    void membersAreListedByRoleThenOnlineFirst() {
        iAm(Role.MEMBER);

        assertThat(groups.members(5)).extracting(x -> x.user().nickname())
                .containsExactly("Owner", "Admin", "Me", "Plain");
    }

    @Test
    void memberPushesUpdateTheListAndTheCountIdempotently() {
        iAm(Role.OWNER);

        groups.applyMemberChange(5, member(6, "New", Role.MEMBER, true), "joined", ME);
        groups.applyMemberChange(5, member(6, "New", Role.MEMBER, true), "joined", ME);
        assertThat(groups.get(5).orElseThrow().memberCount()).isEqualTo(5);

        groups.applyMemberChange(5, member(4, "Plain", Role.MEMBER, true), "kicked", ME);
        assertThat(groups.members(5)).extracting(x -> x.user().userId()).doesNotContain(4L);
        assertThat(groups.get(5).orElseThrow().memberCount()).isEqualTo(4);

        groups.applyMemberChange(5, member(6, "New", Role.ADMIN, true), "role", ME);
        assertThat(m(6).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void beingMadeAdminChangesWhatIMayDo() {
        iAm(Role.MEMBER);

        groups.applyMemberChange(5, member(ME, "Me", Role.ADMIN, true), "role", ME);

        assertThat(groups.myRole(5)).isEqualTo(Role.ADMIN);
        assertThat(groups.canKick(5, m(4), ME)).isTrue();
    }

    @Test
    void leavingRemembersWhyAndForgetsTheMembers() {
        iAm(Role.MEMBER);

        groups.leave(5, "kicked");

        assertThat(groups.isMember(5)).isFalse();
        assertThat(groups.endedReason(5)).isEqualTo("kicked");
        assertThat(groups.membersLoaded(5)).isFalse();
    }

    @Test
    void theSearchBoxFindsGroupsByAnyPartOfTheirName() {
        groups.replaceAll(List.of(group(5, "Weekend Hiking", Role.MEMBER, 4), group(6, "Project Phoenix 项目组", Role.MEMBER, 3)));

        assertThat(groups.filtered("hiking")).extracting(org.qchat.protocol.model.GroupInfo::groupId).containsExactly(5L);
        assertThat(groups.filtered("项目")).extracting(org.qchat.protocol.model.GroupInfo::groupId).containsExactly(6L);
        assertThat(groups.filtered("ENIX")).extracting(org.qchat.protocol.model.GroupInfo::groupId).containsExactly(6L);
    }
}
