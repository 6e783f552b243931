package org.qchat.server.store.file;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.qchat.protocol.model.FileInfo;
import org.qchat.server.db.Jdbc;
import org.qchat.server.db.Tx;

/**
 * What the database knows of stored files (table {@code files}), who holds which ({@code user_files})
 * and which messages carry them ({@code file_refs}). The bytes are in the file store; a file is
 * recorded here only after its bytes are there.
 */
public final class FileCatalog {

    /** A stored file as recorded: what a message carries, less the name, which belongs to the sender's copy. */
    public record StoredFile(String sha256, long size, String mime, Integer width, Integer height, String thumb) {

        public boolean isImage() {
            return width != null && height != null;
        }

        public FileInfo named(String name) {
            return new FileInfo(sha256, name, size, mime, width, height, thumb);
        }
    }

    private static final String FILE = "SELECT sha256, size_bytes, mime, width, height, thumb FROM files WHERE sha256 = ?";
    private static final String INSERT_FILE_PG = "INSERT INTO files (sha256, size_bytes, mime, width, height, thumb, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING";
    private static final String INSERT_FILE_H2 = "MERGE INTO files (sha256, size_bytes, mime, width, height, thumb, created_at) "
            + "KEY (sha256) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String HELD_NAME = "SELECT name FROM user_files WHERE user_id = ? AND sha256 = ?";
    private static final String HOLD_PG = "INSERT INTO user_files (user_id, sha256, name, created_at) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (user_id, sha256) DO UPDATE SET name = EXCLUDED.name, created_at = EXCLUDED.created_at";
    private static final String HOLD_H2 = "MERGE INTO user_files (user_id, sha256, name, created_at) KEY (user_id, sha256) "
            + "VALUES (?, ?, ?, ?)";
    private static final String USED = "SELECT COALESCE(SUM(f.size_bytes), 0) FROM user_files u JOIN files f ON f.sha256 = u.sha256 "
            + "WHERE u.user_id = ?";
    private static final String REF_PG = "INSERT INTO file_refs (sender_id, client_msg_id, sha256) VALUES (?, ?, ?) "
            + "ON CONFLICT (sender_id, client_msg_id) DO NOTHING";
    private static final String REF_H2 = "MERGE INTO file_refs (sender_id, client_msg_id, sha256) KEY (sender_id, client_msg_id) "
            + "VALUES (?, ?, ?)";
    private static final String UNREF = "DELETE FROM file_refs WHERE sender_id = ? AND client_msg_id = ?";
    private static final String EXPIRE_UNSENT = "DELETE FROM user_files u WHERE u.created_at < ? AND NOT EXISTS "
            + "(SELECT 1 FROM file_refs r WHERE r.sender_id = u.user_id AND r.sha256 = u.sha256)";
    private static final String UNREFERENCED = "SELECT f.sha256 FROM files f WHERE f.created_at < ? "
            + "AND NOT EXISTS (SELECT 1 FROM user_files u WHERE u.sha256 = f.sha256) "
            + "AND NOT EXISTS (SELECT 1 FROM file_refs r WHERE r.sha256 = f.sha256) ORDER BY f.sha256 LIMIT ?";
    private static final String DELETE_FILE = "DELETE FROM files WHERE sha256 = ? "
            + "AND NOT EXISTS (SELECT 1 FROM user_files u WHERE u.sha256 = ?) "
            + "AND NOT EXISTS (SELECT 1 FROM file_refs r WHERE r.sha256 = ?)";

    public Optional<StoredFile> file(Tx tx, String sha256) throws SQLException {
        return Jdbc.one(tx, FILE, FileCatalog::storedFile, sha256);
    }

    /** Records a file whose bytes are in the store; a file already recorded is left as it is. */
    public void record(Tx tx, StoredFile file, long now) throws SQLException {
        Jdbc.update(tx, Jdbc.isPostgres(tx) ? INSERT_FILE_PG : INSERT_FILE_H2, file.sha256(), file.size(), file.mime(),
                file.width(), file.height(), file.thumb(), now);
    }

    /** The name under which {@code userId} holds the file, if they hold it. */
    public Optional<String> heldName(Tx tx, long userId, String sha256) throws SQLException {
        return Jdbc.one(tx, HELD_NAME, rs -> rs.getString(1), userId, sha256);
    }

    /** {@code userId} holds the file (again) under {@code name}, from {@code now}. */
    public void hold(Tx tx, long userId, String sha256, String name, long now) throws SQLException {
        Jdbc.update(tx, Jdbc.isPostgres(tx) ? HOLD_PG : HOLD_H2, userId, sha256, name, now);
    }

    /** Bytes of all the files {@code userId} holds. */
    public long usedBytes(Tx tx, long userId) throws SQLException {
        return Jdbc.one(tx, USED, rs -> rs.getLong(1), userId).orElse(0L);
    }

    /** The message {@code (senderId, clientMsgId)} carries the file; recorded before the message is appended. */
    public void reference(Tx tx, long senderId, String clientMsgId, String sha256) throws SQLException {
        Jdbc.update(tx, Jdbc.isPostgres(tx) ? REF_PG : REF_H2, senderId, clientMsgId, sha256);
    }

    /** The message no longer carries its file (it was erased). */
    public void unreference(Tx tx, long senderId, String clientMsgId) throws SQLException {
        Jdbc.update(tx, UNREF, senderId, clientMsgId);
    }

    /** Forgets the files users hold but never sent, held since before {@code cutoff}; returns how many. */
    public int expireUnsent(Tx tx, long cutoff) throws SQLException {
        return Jdbc.update(tx, EXPIRE_UNSENT, cutoff);
    }

    /** Files recorded before {@code cutoff} that no user holds and no message carries. */
    public List<String> unreferenced(Tx tx, long cutoff, int limit) throws SQLException {
        return Jdbc.list(tx, UNREFERENCED, rs -> rs.getString(1), cutoff, limit);
    }

    /** Forgets a file if it is still unreferenced; true if it did (then its bytes may go). */
    public boolean forget(Tx tx, String sha256) throws SQLException {
        return Jdbc.update(tx, DELETE_FILE, sha256, sha256, sha256) == 1;
    }

    private static StoredFile storedFile(ResultSet rs) throws SQLException {
        return new StoredFile(rs.getString(1).trim(), rs.getLong(2), rs.getString(3), (Integer) rs.getObject(4),
                (Integer) rs.getObject(5), rs.getString(6));
    }
}
