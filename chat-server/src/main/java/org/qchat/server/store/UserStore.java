package org.qchat.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.qchat.server.db.Tx;
import org.qchat.server.db.Jdbc;

/** Accounts. */
public final class UserStore {

    private static final String COLUMNS = "id, username, nickname, signature, password_hash, disabled";
    private static final String INSERT = "INSERT INTO users (username, username_lower, nickname, nickname_lower, "
            + "signature, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, '', ?, FALSE, ?)";
    private static final String BY_USERNAME = "SELECT " + COLUMNS + " FROM users WHERE username_lower = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = ?";
    private static final String SEARCH = "SELECT " + COLUMNS + " FROM users WHERE disabled = FALSE AND id <> ? "
            + "AND (username_lower LIKE ? ESCAPE '\\' OR nickname_lower LIKE ? ESCAPE '\\') "
            + "ORDER BY CASE WHEN username_lower LIKE ? ESCAPE '\\' OR nickname_lower LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END, "
            + "username_lower LIMIT ?";
    private static final String UPDATE_PROFILE = "UPDATE users SET nickname = ?, nickname_lower = ?, signature = ? WHERE id = ?";
    private static final String UPDATE_PASSWORD = "UPDATE users SET password_hash = ? WHERE id = ?";
    private static final String SET_DISABLED = "UPDATE users SET disabled = ? WHERE id = ?";
    private static final String LOCK = "SELECT id FROM users WHERE id = ? FOR UPDATE";
    /**
     * On PostgreSQL a row lock that still lets other transactions insert rows referencing the user
     * (a message's sender key takes a key-share lock): with FOR UPDATE, a state change holding a
     * user and waiting for a conversation that a cluster node's append holds, while that append
     * waits to insert the user's message, would deadlock.
     */
    private static final String LOCK_PG = "SELECT id FROM users WHERE id = ? FOR NO KEY UPDATE";

    public long insert(Tx c, String username, String nickname, String passwordHash, long now) throws SQLException {
        return Jdbc.insert(c, INSERT, username, lower(username), nickname, lower(nickname), passwordHash, now);
    }

    public Optional<UserRecord> findByUsername(Tx c, String username) throws SQLException {
        return Jdbc.one(c, BY_USERNAME, UserStore::map, lower(username));
    }

    public Optional<UserRecord> findById(Tx c, long id) throws SQLException {
        return Jdbc.one(c, BY_ID, UserStore::map, id);
    }

    public Map<Long, UserRecord> findByIds(Tx c, Collection<Long> ids) throws SQLException {
        Map<Long, UserRecord> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        // Bounded lists (friends, members) only; an IN list keeps it to one round trip.
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM users WHERE id IN (");
        Object[] args = ids.toArray();
        for (int i = 0; i < args.length; i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        sql.append(')');
        for (UserRecord u : Jdbc.list(c, sql.toString(), UserStore::map, args)) {
            out.put(u.id(), u);
        }
        return out;
    }

    /**
     * Enabled users other than {@code excludeId} whose username or nickname contains {@code query}
     * (ignoring case, taken literally): those where it starts the name first, then by username.
     */
    public List<UserRecord> search(Tx c, String query, long excludeId, int limit) throws SQLException {
        String word = escapeLike(lower(query));
        String anywhere = "%" + word + "%";
        String first = word + "%";
        return Jdbc.list(c, SEARCH, UserStore::map, excludeId, anywhere, anywhere, first, first, limit);
    }

    public void updateProfile(Tx c, long id, String nickname, String signature) throws SQLException {
        Jdbc.update(c, UPDATE_PROFILE, nickname, lower(nickname), signature, id);
    }

    public void updatePassword(Tx c, long id, String passwordHash) throws SQLException {
        Jdbc.update(c, UPDATE_PASSWORD, passwordHash, id);
    }

    /**
     * Locks two users' rows, lower id first, until the transaction ends: operations on a pair of
     * users (crossed friend requests, accept against remove) then run one after the other, and
     * the fixed order rules out deadlocks. Returns false if either user does not exist.
     */
    public boolean lockPair(Tx c, long a, long b) throws SQLException {
        boolean first = Jdbc.exists(c, LOCK, Math.min(a, b));
        boolean second = Jdbc.exists(c, LOCK, Math.max(a, b));
        return first && second;
    }

    /**
     * Locks the rows of {@code ids}, lowest id first, like {@link #lockPair}, for changes that count
     * per user (groups a user is in). Callers lock users before any conversation: friend operations
     * and group membership changes then never wait for each other in opposite orders.
     */
    public void lockAll(Tx c, Collection<Long> ids) throws SQLException {
        String lock = Jdbc.isPostgres(c) ? LOCK_PG : LOCK;
        for (long id : new TreeSet<>(ids)) {
            Jdbc.exists(c, lock, id);
        }
    }

    public void setDisabled(Tx c, long id, boolean disabled) throws SQLException {
        Jdbc.update(c, SET_DISABLED, disabled, id);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static UserRecord map(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getLong("id"), rs.getString("username"), rs.getString("nickname"),
                rs.getString("signature"), rs.getString("password_hash"), rs.getBoolean("disabled"));
    }
}
