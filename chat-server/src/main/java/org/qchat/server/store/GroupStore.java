package org.qchat.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.qchat.server.db.Tx;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.Role;
import org.qchat.server.db.Jdbc;

/** Groups and their current members with roles. */
public final class GroupStore {

    /** A current member; {@code mutedUntil} (epoch ms) is null when never muted or unmuted. */
    public record Member(long userId, Role role, Long mutedUntil) {

        /** Whether the member may not send at {@code now}. */
        public boolean mutedAt(long now) {
            return mutedUntil != null && mutedUntil > now;
        }
    }

    /** A group with the asking user's role and its size. */
    public record Membership(GroupRecord group, Role role, int memberCount) {
    }

    private static final String COLUMNS = "g.id, g.name, g.join_policy, g.owner_id, g.dissolved, "
            + "g.notice, g.notice_by, g.notice_time, g.muted_all";
    private static final String INSERT = "INSERT INTO chat_groups (id, name, name_lower, join_policy, owner_id, dissolved, created_at) "
            + "VALUES (?, ?, ?, ?, ?, FALSE, ?)";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM chat_groups g WHERE g.id = ?";
    private static final String SEARCH = "SELECT " + COLUMNS + " FROM chat_groups g WHERE g.dissolved = FALSE "
            + "AND g.name_lower LIKE ? ESCAPE '\\' "
            + "ORDER BY CASE WHEN g.name_lower LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END, g.name_lower, g.id LIMIT ?";
    private static final String ADD_MEMBER = "INSERT INTO group_members (group_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)";
    private static final String REMOVE_MEMBER = "DELETE FROM group_members WHERE group_id = ? AND user_id = ?";
    private static final String REMOVE_ALL = "DELETE FROM group_members WHERE group_id = ?";
    private static final String ROLE = "SELECT role FROM group_members WHERE group_id = ? AND user_id = ?";
    private static final String SET_ROLE = "UPDATE group_members SET role = ? WHERE group_id = ? AND user_id = ?";
    private static final String MEMBERS = "SELECT user_id, role, muted_until FROM group_members WHERE group_id = ? "
            + "ORDER BY joined_at, user_id";
    private static final String COUNT = "SELECT COUNT(*) FROM group_members WHERE group_id = ?";
    private static final String COUNT_OF_USER = "SELECT COUNT(*) FROM group_members WHERE user_id = ?";
    private static final String OF_USER = "SELECT " + COLUMNS + ", m.role, "
            + "(SELECT COUNT(*) FROM group_members x WHERE x.group_id = g.id) AS member_count "
            + "FROM group_members m JOIN chat_groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY g.name_lower, g.id";
    private static final String SET_NOTICE = "UPDATE chat_groups SET notice = ?, notice_by = ?, notice_time = ? WHERE id = ?";
    private static final String SET_MUTED_ALL = "UPDATE chat_groups SET muted_all = ? WHERE id = ?";
    private static final String SET_MUTED_UNTIL = "UPDATE group_members SET muted_until = ? WHERE group_id = ? AND user_id = ?";
    private static final String WAS_MEMBER = "SELECT 1 FROM conversation_members WHERE conv_id = ? AND user_id = ?";
    private static final String DISSOLVE = "UPDATE chat_groups SET dissolved = TRUE WHERE id = ?";

    public void insert(Tx c, long id, String name, JoinPolicy policy, long ownerId, long now) throws SQLException {
        Jdbc.update(c, INSERT, id, name, name.toLowerCase(Locale.ROOT), policyName(policy), ownerId, now);
    }

    public Optional<GroupRecord> find(Tx c, long id) throws SQLException {
        return Jdbc.one(c, BY_ID, GroupStore::map, id);
    }

    /** Groups not dissolved whose name contains {@code query}: those it starts first, then by name. */
    public List<GroupRecord> search(Tx c, String query, int limit) throws SQLException {
        String word = UserStore.escapeLike(query.toLowerCase(Locale.ROOT));
        return Jdbc.list(c, SEARCH, GroupStore::map, "%" + word + "%", word + "%", limit);
    }

    public void addMember(Tx c, long groupId, long userId, Role role, long now) throws SQLException {
        Jdbc.update(c, ADD_MEMBER, groupId, userId, roleName(role), now);
    }

    public void removeMember(Tx c, long groupId, long userId) throws SQLException {
        Jdbc.update(c, REMOVE_MEMBER, groupId, userId);
    }

    public void removeAllMembers(Tx c, long groupId) throws SQLException {
        Jdbc.update(c, REMOVE_ALL, groupId);
    }

    public Optional<Role> roleOf(Tx c, long groupId, long userId) throws SQLException {
        return Jdbc.one(c, ROLE, rs -> parseRole(rs.getString(1)), groupId, userId);
    }

    public void setRole(Tx c, long groupId, long userId, Role role) throws SQLException {
        Jdbc.update(c, SET_ROLE, roleName(role), groupId, userId);
    }

    public List<Member> members(Tx c, long groupId) throws SQLException {
        return Jdbc.list(c, MEMBERS, rs -> new Member(rs.getLong("user_id"), parseRole(rs.getString("role")),
                Jdbc.nullableLong(rs, "muted_until")), groupId);
    }

    public int memberCount(Tx c, long groupId) throws SQLException {
        return Jdbc.one(c, COUNT, rs -> rs.getInt(1), groupId).orElse(0);
    }

    /** Groups {@code userId} is currently a member of. */
    public int countGroupsOf(Tx c, long userId) throws SQLException {
        return Jdbc.one(c, COUNT_OF_USER, rs -> rs.getInt(1), userId).orElse(0);
    }

    public List<Membership> groupsOf(Tx c, long userId) throws SQLException {
        return Jdbc.list(c, OF_USER, rs -> new Membership(map(rs), parseRole(rs.getString("role")),
                rs.getInt("member_count")), userId);
    }

    /** Sets the notice, or clears it with a null {@code text} (then {@code by} and {@code time} are ignored). */
    public void setNotice(Tx c, long groupId, String text, long by, long time) throws SQLException {
        if (text == null) {
            Jdbc.update(c, SET_NOTICE, null, null, null, groupId);
        } else {
            Jdbc.update(c, SET_NOTICE, text, by, time, groupId);
        }
    }

    public void setMutedAll(Tx c, long groupId, boolean muted) throws SQLException {
        Jdbc.update(c, SET_MUTED_ALL, muted, groupId);
    }

    /** Mutes a current member until {@code until} (epoch ms), or lifts the mute with null. */
    public void setMutedUntil(Tx c, long groupId, long userId, Long until) throws SQLException {
        Jdbc.update(c, SET_MUTED_UNTIL, until, groupId, userId);
    }

    /** Whether {@code userId} was ever a member (any membership period, ended or not). */
    public boolean wasMember(Tx c, long groupId, long userId) throws SQLException {
        return Jdbc.one(c, WAS_MEMBER, rs -> 1, groupId, userId).isPresent();
    }

    public void markDissolved(Tx c, long groupId) throws SQLException {
        Jdbc.update(c, DISSOLVE, groupId);
    }

    private static GroupRecord map(ResultSet rs) throws SQLException {
        return new GroupRecord(rs.getLong("id"), rs.getString("name"),
                JoinPolicy.valueOf(rs.getString("join_policy").toUpperCase(Locale.ROOT)), rs.getLong("owner_id"),
                rs.getBoolean("dissolved"), rs.getString("notice"), Jdbc.nullableLong(rs, "notice_by"),
                Jdbc.nullableLong(rs, "notice_time"), rs.getBoolean("muted_all"));
    }

    private static String policyName(JoinPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT);
    }

    private static String roleName(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static Role parseRole(String s) {
        return Role.valueOf(s.toUpperCase(Locale.ROOT));
    }
}
