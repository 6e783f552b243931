package org.qchat.client.core.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.model.UserInfo;

/**
 * The groups I am in, with my role, and the member lists of the groups whose members were loaded.
 * Groups I was in keep their name here after I left, was removed, or they were dissolved, so their
 * read-only history still shows it. Also says which owner/admin actions I may take, and whether I
 * may send (mutes), so views offer only those.
 */
public final class GroupDirectory {

    /** Told after changes. */
    public interface Listener {
        /** Groups joined, left, renamed, or my role changed. */
        void groupsChanged();

        /** The member list of one group changed. */
        default void membersChanged(long groupId) {
        }
    }

    /** Owner, then admins, then members; online first within each; then by name. */
    public static final Comparator<MemberInfo> MEMBER_ORDER = Comparator
            .comparing(MemberInfo::role)
            .thenComparing((MemberInfo m) -> !m.online())
            .thenComparing(m -> Names.display(m.user()), Names.ORDER)
            .thenComparingLong(m -> m.user().userId());

    private final Map<Long, GroupInfo> groups = new LinkedHashMap<>();
    private final Map<Long, String> endedReasons = new HashMap<>();
    /** Groups I am no longer in, as I last knew them (no role). */
    private final Map<Long, GroupInfo> former = new HashMap<>();
    /** Until when I am muted, per group (epoch ms), as last heard. */
    private final Map<Long, Long> myMutes = new HashMap<>();

    /** Why I may not send to a group for now: muted until {@code until}, or all plain members muted. */
    public record SendBlock(boolean mutedAll, long until) {
    }
    private final Map<Long, Map<Long, MemberInfo>> members = new HashMap<>();
    private final Listeners<Listener> listeners = new Listeners<>();

    public void replaceAll(Collection<GroupInfo> list) {
        groups.clear();
        list.forEach(g -> {
            groups.put(g.groupId(), g);
            endedReasons.remove(g.groupId());
            former.remove(g.groupId());
        });
        listeners.fire(Listener::groupsChanged);
    }

    /** I am a member of this group (created, joined, invited, or a fresh copy). */
    public void put(GroupInfo group) {
        endedReasons.remove(group.groupId());
        former.remove(group.groupId());
        if (!group.equals(groups.put(group.groupId(), group))) {
            listeners.fire(Listener::groupsChanged);
        }
    }

    /** I am no longer a member; {@code reason} is left, kicked or dissolved. */
    public void leave(long groupId, String reason) {
        endedReasons.put(groupId, reason);
        members.remove(groupId);
        myMutes.remove(groupId);
        GroupInfo was = groups.remove(groupId);
        if (was != null) {
            former.put(groupId, copy(was, was.memberCount(), null));
            listeners.fire(Listener::groupsChanged);
        }
        listeners.fire(l -> l.membersChanged(groupId));
    }

    public Optional<GroupInfo> get(long groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    /** The group as I know it, whether I am still in it or not (a group I left keeps its name). */
    public Optional<GroupInfo> info(long groupId) {
        GroupInfo group = groups.get(groupId);
        return Optional.ofNullable(group != null ? group : former.get(groupId));
    }

    /**
     * What {@code group.get} said of a group: one I am in replaces my copy; one I am not in (I left,
     * was removed, or it was dissolved) is kept only for its name.
     */
    public void remember(GroupInfo group) {
        if (group.role() != null) {
            put(group);
        } else if (!groups.containsKey(group.groupId()) && !group.equals(former.put(group.groupId(), group))) {
            listeners.fire(Listener::groupsChanged);
        }
    }

    /** I am muted in the group until {@code until} (epoch ms), or not (null), as last heard. */
    public void noteMyMute(long groupId, Long until) {
        Long before = until == null ? myMutes.remove(groupId) : myMutes.put(groupId, until);
        if (!java.util.Objects.equals(before, until)) {
            listeners.fire(Listener::groupsChanged);
        }
    }

    /** Why I may not send to the group at {@code now}, or null if I may (or am not a member). */
    public SendBlock sendBlock(long groupId, long now) {
        GroupInfo group = groups.get(groupId);
        if (group == null) {
            return null;
        }
        Long until = myMutes.get(groupId);
        if (until != null && until > now) {
            return new SendBlock(false, until);
        }
        if (Boolean.TRUE.equals(group.mutedAll()) && group.role() == Role.MEMBER) {
            return new SendBlock(true, 0);
        }
        return null;
    }

    /** The owner and admins edit the notice and mute members. */
    public boolean canModerate(long groupId) {
        Role mine = myRole(groupId);
        return mine == Role.OWNER || mine == Role.ADMIN;
    }

    /** The owner mutes anyone but themself; admins mute plain members. */
    public boolean canMute(long groupId, MemberInfo target, long myId) {
        Role mine = myRole(groupId);
        if (target.user().userId() == myId || target.role() == Role.OWNER) {
            return false;
        }
        return mine == Role.OWNER || (mine == Role.ADMIN && target.role() == Role.MEMBER);
    }

    public boolean isMember(long groupId) {
        return groups.containsKey(groupId);
    }

    /** Why my membership ended (left, kicked, dissolved), or null while I am a member. */
    public String endedReason(long groupId) {
        return endedReasons.get(groupId);
    }

    public List<GroupInfo> sorted() {
        return groups.values().stream()
                .sorted(Comparator.comparing(GroupInfo::name, Names.ORDER).thenComparingLong(GroupInfo::groupId))
                .toList();
    }

    public List<GroupInfo> filtered(String query) {
        return sorted().stream().filter(g -> Names.matches(query, g.name())).toList();
    }

    public void replaceMembers(long groupId, Collection<MemberInfo> list) {
        Map<Long, MemberInfo> map = new LinkedHashMap<>();
        list.forEach(m -> map.put(m.user().userId(), m));
        members.put(groupId, map);
        GroupInfo group = groups.get(groupId);
        if (group != null && group.memberCount() != map.size()) {
            groups.put(groupId, withCount(group, map.size()));
            listeners.fire(Listener::groupsChanged);
        }
        listeners.fire(l -> l.membersChanged(groupId));
    }

    /** Applies a {@code group.member} push: {@code change} is joined, left, kicked or role. */
    public void applyMemberChange(long groupId, MemberInfo member, String change, long myId) {
        Map<Long, MemberInfo> map = members.get(groupId);
        long userId = member.user().userId();
        boolean gone = "left".equals(change) || "kicked".equals(change);
        boolean listChanged = false;
        if (map != null) {
            listChanged = gone ? map.remove(userId) != null : !member.equals(map.put(userId, member));
        }
        GroupInfo group = groups.get(groupId);
        if (group != null) {
            GroupInfo updated = group;
            if ("joined".equals(change) && (map == null || listChanged)) {
                updated = withCount(updated, updated.memberCount() + 1);
            } else if (gone && (map == null || listChanged)) {
                updated = withCount(updated, Math.max(1, updated.memberCount() - 1));
            }
            if (userId == myId && "role".equals(change)) {
                updated = copy(updated, updated.memberCount(), member.role());
            }
            if (!updated.equals(group)) {
                groups.put(groupId, updated);
                listeners.fire(Listener::groupsChanged);
            }
        }
        if (listChanged) {
            listeners.fire(l -> l.membersChanged(groupId));
        }
    }

    /** Keeps member presence current from {@code presence} pushes (which come for friends only). */
    public void setOnline(long userId, boolean online) {
        members.forEach((groupId, map) -> {
            MemberInfo m = map.get(userId);
            if (m != null && m.online() != online) {
                map.put(userId, new MemberInfo(m.user(), m.role(), online, m.mutedUntil()));
                listeners.fire(l -> l.membersChanged(groupId));
            }
        });
    }

    public void updateUser(UserInfo user) {
        members.forEach((groupId, map) -> {
            MemberInfo m = map.get(user.userId());
            if (m != null && !m.user().equals(user)) {
                map.put(user.userId(), new MemberInfo(user, m.role(), m.online(), m.mutedUntil()));
                listeners.fire(l -> l.membersChanged(groupId));
            }
        });
    }

    public boolean membersLoaded(long groupId) {
        return members.containsKey(groupId);
    }

    /** Members in {@link #MEMBER_ORDER}; empty until loaded. */
    public List<MemberInfo> members(long groupId) {
        Map<Long, MemberInfo> map = members.get(groupId);
        return map == null ? List.of() : map.values().stream().sorted(MEMBER_ORDER).toList();
    }

    public Optional<MemberInfo> member(long groupId, long userId) {
        Map<Long, MemberInfo> map = members.get(groupId);
        return map == null ? Optional.empty() : Optional.ofNullable(map.get(userId));
    }

    /** My role in the group, or null if I am not a member. */
    public Role myRole(long groupId) {
        GroupInfo group = groups.get(groupId);
        return group == null ? null : group.role();
    }

    /** Owner may kick anyone else; admins may kick plain members. */
    public boolean canKick(long groupId, MemberInfo target, long myId) {
        Role mine = myRole(groupId);
        return mine != null && target.user().userId() != myId && mine.canKick(target.role());
    }

    /** Only the owner grants or revokes admin, and not on themself. */
    public boolean canChangeAdmin(long groupId, MemberInfo target, long myId) {
        return myRole(groupId) == Role.OWNER && target.user().userId() != myId && target.role() != Role.OWNER;
    }

    public boolean canDissolve(long groupId) {
        return myRole(groupId) == Role.OWNER;
    }

    /** The owner cannot leave (they dissolve instead). */
    public boolean canLeave(long groupId) {
        Role mine = myRole(groupId);
        return mine != null && mine != Role.OWNER;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private static GroupInfo withCount(GroupInfo g, int count) {
        return copy(g, count, g.role());
    }

    private static GroupInfo copy(GroupInfo g, int count, Role role) {
        return new GroupInfo(g.groupId(), g.convId(), g.name(), g.joinPolicy(), g.ownerId(), count, role, g.notice(),
                g.noticeBy(), g.noticeTime(), g.mutedAll());
    }
}
