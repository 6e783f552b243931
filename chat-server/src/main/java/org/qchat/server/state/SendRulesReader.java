package org.qchat.server.state;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qchat.server.db.Jdbc;
import org.qchat.server.db.Tx;

/**
 * Reads groups' {@link SendRules} from {@code chat_groups} and {@code group_members}: at start for
 * every group, after a change (or, in a cluster, on word of one) for one group.
 */
public final class SendRulesReader {

    private static final String MUTED_ALL = "SELECT id FROM chat_groups WHERE muted_all = TRUE AND dissolved = FALSE";
    private static final String RESTRICTED = "SELECT group_id, user_id, role, muted_until FROM group_members "
            + "WHERE role <> 'member' OR muted_until IS NOT NULL";
    private static final String ONE_MUTED_ALL = "SELECT muted_all FROM chat_groups WHERE id = ?";
    private static final String ONE_RESTRICTED = "SELECT group_id, user_id, role, muted_until FROM group_members "
            + "WHERE group_id = ? AND (role <> 'member' OR muted_until IS NOT NULL)";

    private SendRulesReader() {
    }

    private record Row(long groupId, long userId, boolean privileged, Long mutedUntil) {
    }

    /** The rules of one group (open if it has none or does not exist). */
    public static SendRules read(Tx c, long groupId) throws SQLException {
        boolean mutedAll = Jdbc.one(c, ONE_MUTED_ALL, rs -> rs.getBoolean(1), groupId).orElse(false);
        return rules(mutedAll, Jdbc.list(c, ONE_RESTRICTED, SendRulesReader::row, groupId));
    }

    /** The rules of every group that has any, by group id. */
    public static Map<Long, SendRules> readAll(Tx c) throws SQLException {
        Map<Long, List<Row>> byGroup = new HashMap<>();
        for (Row r : Jdbc.list(c, RESTRICTED, SendRulesReader::row)) {
            byGroup.computeIfAbsent(r.groupId(), k -> new ArrayList<>()).add(r);
        }
        Map<Long, Boolean> mutedAll = new HashMap<>();
        for (long id : Jdbc.list(c, MUTED_ALL, rs -> rs.getLong(1))) {
            mutedAll.put(id, true);
            byGroup.putIfAbsent(id, List.of());
        }
        Map<Long, SendRules> out = new HashMap<>();
        byGroup.forEach((id, rows) -> out.put(id, rules(mutedAll.getOrDefault(id, false), rows)));
        return out;
    }

    private static SendRules rules(boolean mutedAll, List<Row> rows) {
        long[] privileged = rows.stream().filter(Row::privileged).mapToLong(Row::userId).toArray();
        Map<Long, Long> muted = new HashMap<>();
        for (Row r : rows) {
            if (r.mutedUntil() != null) {
                muted.put(r.userId(), r.mutedUntil());
            }
        }
        return !mutedAll && muted.isEmpty() ? SendRules.OPEN : new SendRules(mutedAll, privileged, muted);
    }

    private static Row row(java.sql.ResultSet rs) throws SQLException {
        return new Row(rs.getLong("group_id"), rs.getLong("user_id"), !"member".equals(rs.getString("role")),
                Jdbc.nullableLong(rs, "muted_until"));
    }
}
