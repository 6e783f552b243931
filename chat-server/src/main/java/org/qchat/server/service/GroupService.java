package org.qchat.server.service;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qchat.server.db.Tx;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.model.SystemEvent;
import org.qchat.protocol.packet.GroupJoinedPush;
import org.qchat.protocol.packet.GroupLeftPush;
import org.qchat.protocol.packet.GroupMemberPush;
import org.qchat.server.config.Caps;
import org.qchat.server.db.Database;
import org.qchat.server.route.Router;
import org.qchat.server.store.BlockStore;
import org.qchat.server.store.FriendStore;
import org.qchat.server.store.GroupRecord;
import org.qchat.server.store.GroupStore;
import org.qchat.server.store.UserRecord;
import org.qchat.server.store.UserStore;
import org.qchat.server.state.SendRulesReader;
import org.qchat.server.state.StateEditor;

/**
 * Group rooms: creation, membership, roles. Every change runs on the message writer
 * ({@link MessageWriter#change}), one after another and in order with message appends, so the
 * member cap holds under concurrent joins and a membership boundary agrees with the seqs around
 * it. A change that adds groups to a user's count (create, join, invite) also locks those users'
 * rows, as every request that counts against a per-user cap does. Every change also writes a
 * system line into the group's history in the same commit ({@link SystemLines}). Blocking calls:
 * run on a connection's serial executor.
 */
public final class GroupService {

    private final Database db;
    private final MessageWriter writer;
    private final GroupStore groups;
    private final FriendStore friends;
    private final BlockStore blocks;
    private final UserStore users;
    private final Directory directory;
    private final InputValidator validate;
    private final Router router;
    private final Clock clock;
    private final Caps caps;
    private final SystemLines lines;
    private final GroupModeration moderation;

    public GroupService(Database db, MessageWriter writer, GroupStore groups, FriendStore friends,
                        BlockStore blocks, UserStore users, Directory directory, InputValidator validate, Router router, Clock clock,
                        Caps caps) {
        this.db = db;
        this.writer = writer;
        this.groups = groups;
        this.friends = friends;
        this.blocks = blocks;
        this.users = users;
        this.directory = directory;
        this.validate = validate;
        this.router = router;
        this.clock = clock;
        this.caps = caps;
        this.lines = new SystemLines(directory);
        this.moderation = new GroupModeration(writer, groups, clock, lines);
    }

    /** Notice and mutes of the same groups. */
    public GroupModeration moderation() {
        return moderation;
    }

    public GroupInfo create(long me, String name, JoinPolicy policy) throws ChatException {
        validate.groupName(name);
        JoinPolicy joinPolicy = policy == null ? JoinPolicy.OPEN : policy;
        long now = clock.millis();
        GroupInfo group = writer.change(edit -> {
            Tx c = edit.tx();
            users.lockAll(c, List.of(me));
            requireRoomForGroup(c, me, "you are");
            long id = edit.createGroup(now);
            groups.insert(c, id, name, joinPolicy, me, now);
            groups.addMember(c, id, me, Role.OWNER, now);
            edit.openPeriod(id, me);
            lines.write(edit, id, SystemEvent.of("created", me, null), List.of(me), now);
            return new GroupInfo(id, id, name, joinPolicy, me, 1, Role.OWNER);
        });
        router.sendToUser(me, new GroupJoinedPush(group), null);
        return group;
    }

    /**
     * A live group to anyone; a dissolved one only to its former members, who keep its name and a
     * read-only history (without a role, and with no members).
     */
    public GroupInfo get(long me, long groupId) throws ChatException {
        return db.tx(c -> {
            GroupRecord g = groups.find(c, groupId).orElseThrow(() -> ChatException.notFound("no such group"));
            if (g.dissolved() && !groups.wasMember(c, groupId, me)) {
                throw ChatException.notFound("no such group");
            }
            return g.toInfo(groups.memberCount(c, groupId), groups.roleOf(c, groupId, me).orElse(null));
        });
    }

    public List<GroupInfo> search(long me, String query, Integer limit) throws ChatException {
        validate.query(query);
        int n = validate.searchSize(limit);
        return db.tx(c -> {
            List<GroupInfo> out = new ArrayList<>();
            for (GroupRecord g : groups.search(c, query, n)) {
                out.add(g.toInfo(groups.memberCount(c, g.id()), groups.roleOf(c, g.id(), me).orElse(null)));
            }
            return out;
        });
    }

    public List<GroupInfo> list(long me) {
        return db.tx(c -> groups.groupsOf(c, me).stream()
                .map(m -> m.group().toInfo(m.memberCount(), m.role())).toList());
    }

    public List<MemberInfo> members(long me, long groupId) throws ChatException {
        return db.tx(c -> {
            live(c, groupId);
            requireRole(c, groupId, me);
            return memberInfos(c, groups.members(c, groupId));
        });
    }

    public void invite(long me, long groupId, List<Long> userIds) throws ChatException {
        if (userIds.isEmpty()) {
            throw ChatException.badRequest("userIds must name at least one user");
        }
        if (userIds.size() > validate.limits().maxInvite()) {
            throw new ChatException(ErrorCode.TOO_LARGE, "one invite may add at most " + validate.limits().maxInvite() + " users");
        }
        long now = clock.millis();
        Set<Long> wanted = new LinkedHashSet<>(userIds);
        Change change = writer.change(edit -> {
            Tx c = edit.tx();
            users.lockAll(c, wanted);
            live(c, groupId);
            requireRole(c, groupId, me);
            List<Long> added = new ArrayList<>();
            for (long userId : wanted) {
                directory.user(c, userId);
                if (groups.roleOf(c, groupId, userId).isPresent()) {
                    continue;
                }
                if (!friends.areFriends(c, me, userId)) {
                    throw ChatException.forbidden("you can only invite your friends");
                }
                if (blocks.isBlocked(c, userId, me)) {
                    // A block keeps the blocked user from reaching the blocker; pulling them into a group would.
                    throw ChatException.forbidden("a user you invited does not accept your invitations");
                }
                added.add(userId);
            }
            int count = groups.memberCount(c, groupId);
            if (count + added.size() > validate.limits().groupMemberCap()) {
                throw ChatException.conflict("the group is full (" + validate.limits().groupMemberCap() + " members)");
            }
            for (long userId : added) {
                requireRoomForGroup(c, userId, directory.user(c, userId).username() + " is");
            }
            for (long userId : added) {
                groups.addMember(c, groupId, userId, Role.MEMBER, now);
                edit.openPeriod(groupId, userId);
                lines.write(edit, groupId, SystemEvent.of("joined", me, userId), memberIds(c, groupId), now);
            }
            return snapshot(c, groupId, added);
        });
        announceJoined(change);
    }

    public GroupInfo join(long me, long groupId) throws ChatException {
        long now = clock.millis();
        Change change = writer.change(edit -> {
            Tx c = edit.tx();
            users.lockAll(c, List.of(me));
            GroupRecord g = live(c, groupId);
            if (groups.roleOf(c, groupId, me).isPresent()) {
                throw ChatException.conflict("already a member");
            }
            if (g.joinPolicy() != JoinPolicy.OPEN) {
                throw ChatException.forbidden("this group is invite-only");
            }
            if (groups.memberCount(c, groupId) >= validate.limits().groupMemberCap()) {
                throw ChatException.conflict("the group is full (" + validate.limits().groupMemberCap() + " members)");
            }
            requireRoomForGroup(c, me, "you are");
            groups.addMember(c, groupId, me, Role.MEMBER, now);
            edit.openPeriod(groupId, me);
            lines.write(edit, groupId, SystemEvent.of("joined", me, me), memberIds(c, groupId), now);
            return snapshot(c, groupId, List.of(me));
        });
        announceJoined(change);
        return change.group().toInfo(change.members().size(), Role.MEMBER);
    }

    public void leave(long me, long groupId) throws ChatException {
        MemberInfo[] left = new MemberInfo[1];
        long now = clock.millis();
        List<Long> remaining = writer.change(edit -> {
            Tx c = edit.tx();
            live(c, groupId);
            Role role = requireRole(c, groupId, me);
            if (role == Role.OWNER) {
                throw ChatException.forbidden("the owner cannot leave; dissolve the group instead");
            }
            // The line comes first, so the one who leaves still sees it as their last message.
            lines.write(edit, groupId, SystemEvent.of("left", me, me), memberIds(c, groupId), now);
            groups.removeMember(c, groupId, me);
            edit.closePeriod(groupId, me);
            rulesChanged(edit, groupId);
            left[0] = new MemberInfo(directory.user(c, me), role, router.isOnline(me));
            return memberIds(c, groupId);
        });
        router.sendToUser(me, new GroupLeftPush(groupId, "left"), null);
        router.sendToUsers(remaining, new GroupMemberPush(groupId, left[0], "left"), null);
    }

    public void kick(long me, long groupId, long target) throws ChatException {
        if (me == target) {
            throw ChatException.badRequest("you cannot kick yourself");
        }
        MemberInfo[] kicked = new MemberInfo[1];
        long now = clock.millis();
        List<Long> remaining = writer.change(edit -> {
            Tx c = edit.tx();
            live(c, groupId);
            Role myRole = requireRole(c, groupId, me);
            Role targetRole = groups.roleOf(c, groupId, target)
                    .orElseThrow(() -> ChatException.notFound("that user is not a member"));
            if (!myRole.canKick(targetRole)) {
                throw ChatException.forbidden("your role cannot remove this member");
            }
            lines.write(edit, groupId, SystemEvent.of("kicked", me, target), memberIds(c, groupId), now);
            groups.removeMember(c, groupId, target);
            edit.closePeriod(groupId, target);
            rulesChanged(edit, groupId);
            kicked[0] = new MemberInfo(directory.user(c, target), targetRole, router.isOnline(target));
            return memberIds(c, groupId);
        });
        router.sendToUser(target, new GroupLeftPush(groupId, "kicked"), null);
        router.sendToUsers(remaining, new GroupMemberPush(groupId, kicked[0], "kicked"), null);
    }

    public void setAdmin(long me, long groupId, long target, boolean admin) throws ChatException {
        MemberInfo[] changed = new MemberInfo[1];
        long now = clock.millis();
        List<Long> members = writer.change(edit -> {
            Tx c = edit.tx();
            live(c, groupId);
            if (requireRole(c, groupId, me) != Role.OWNER) {
                throw ChatException.forbidden("only the owner can change admins");
            }
            Role targetRole = groups.roleOf(c, groupId, target)
                    .orElseThrow(() -> ChatException.notFound("that user is not a member"));
            if (targetRole == Role.OWNER) {
                throw ChatException.badRequest("the owner's role cannot change");
            }
            Role newRole = admin ? Role.ADMIN : Role.MEMBER;
            if (newRole == targetRole) {
                changed[0] = new MemberInfo(directory.user(c, target), newRole, router.isOnline(target));
                return memberIds(c, groupId);
            }
            groups.setRole(c, groupId, target, newRole);
            // An admin may send while all are muted, so a role decides who may send.
            rulesChanged(edit, groupId);
            lines.write(edit, groupId, new SystemEvent("role", me, target, admin ? "admin" : "member", null, null),
                    memberIds(c, groupId), now);
            changed[0] = new MemberInfo(directory.user(c, target), newRole, router.isOnline(target));
            return memberIds(c, groupId);
        });
        router.sendToUsers(members, new GroupMemberPush(groupId, changed[0], "role"), null);
    }

    public void dissolve(long me, long groupId) throws ChatException {
        long now = clock.millis();
        List<Long> former = writer.change(edit -> {
            Tx c = edit.tx();
            live(c, groupId);
            if (requireRole(c, groupId, me) != Role.OWNER) {
                throw ChatException.forbidden("only the owner can dissolve the group");
            }
            List<Long> ids = memberIds(c, groupId);
            lines.write(edit, groupId, SystemEvent.of("dissolved", me, null), ids, now);
            for (long userId : ids) {
                edit.closePeriod(groupId, userId);
            }
            groups.removeAllMembers(c, groupId);
            groups.markDissolved(c, groupId);
            rulesChanged(edit, groupId);
            return ids;
        });
        router.sendToUsers(former, new GroupLeftPush(groupId, "dissolved"), null);
    }

    /** Refuses with TOO_LARGE if {@code userId} is in as many groups as allowed; the caller holds the user's lock. */
    private void requireRoomForGroup(Tx c, long userId, String who) throws SQLException, ChatException {
        if (groups.countGroupsOf(c, userId) >= caps.maxGroupsPerUser()) {
            throw new ChatException(ErrorCode.TOO_LARGE,
                    who + " in too many groups (at most " + caps.maxGroupsPerUser() + ")");
        }
    }

    /** A change of who may send (a mute, a role, a membership ending): the group's rules as now written. */
    static void rulesChanged(StateEditor edit, long groupId) throws SQLException {
        edit.sendRulesChanged(groupId, SendRulesReader.read(edit.tx(), groupId));
    }

    private GroupRecord live(Tx c, long groupId) throws SQLException, ChatException {
        return groups.find(c, groupId).filter(g -> !g.dissolved())
                .orElseThrow(() -> ChatException.notFound("no such group"));
    }

    private Role requireRole(Tx c, long groupId, long userId) throws SQLException, ChatException {
        return groups.roleOf(c, groupId, userId).orElseThrow(() -> ChatException.forbidden("you are not a member of this group"));
    }

    private List<Long> memberIds(Tx c, long groupId) throws SQLException {
        return groups.members(c, groupId).stream().map(GroupStore.Member::userId).toList();
    }

    private List<MemberInfo> memberInfos(Tx c, List<GroupStore.Member> members) throws SQLException {
        Map<Long, UserRecord> users = directory.users(c, members.stream().map(GroupStore.Member::userId).toList());
        List<MemberInfo> out = new ArrayList<>();
        for (GroupStore.Member m : members) {
            Long mutedUntil = m.mutedAt(clock.millis()) ? m.mutedUntil() : null;
            out.add(new MemberInfo(users.get(m.userId()).toInfo(), m.role(), router.isOnline(m.userId()), mutedUntil));
        }
        return out;
    }

    private Change snapshot(Tx c, long groupId, List<Long> added) throws SQLException {
        GroupRecord g = groups.find(c, groupId).orElseThrow();
        return new Change(g, memberInfos(c, groups.members(c, groupId)), added);
    }

    private void announceJoined(Change change) {
        int size = change.members().size();
        for (MemberInfo m : change.members()) {
            long userId = m.user().userId();
            if (change.added().contains(userId)) {
                router.sendToUser(userId, new GroupJoinedPush(change.group().toInfo(size, m.role())), null);
            }
        }
        List<Long> others = change.members().stream().map(m -> m.user().userId())
                .filter(id -> !change.added().contains(id)).toList();
        for (MemberInfo m : change.members()) {
            if (change.added().contains(m.user().userId())) {
                router.sendToUsers(others, new GroupMemberPush(change.group().id(), m, "joined"), null);
            }
        }
    }

    private record Change(GroupRecord group, List<MemberInfo> members, List<Long> added) {
    }
}
