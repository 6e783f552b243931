package org.qchat.server.service;

import org.qchat.server.db.Database;
import org.qchat.server.store.SessionStore;
import org.qchat.server.store.UserRecord;
import org.qchat.server.store.UserStore;

/**
 * Operator actions: disable or re-enable an account, reset a password. Used by admin users over
 * the protocol and by the server jar's command line.
 */
public final class AdminService {

    private final Database db;
    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final InputValidator validate;
    private final DeviceCloser closer;

    public AdminService(Database db, UserStore users, SessionStore sessions, PasswordHasher hasher,
                        InputValidator validate, DeviceCloser closer) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.validate = validate;
        this.closer = closer;
    }

    /** Disables (revoking every session and closing every connection) or re-enables an account. */
    public void setDisabled(String username, boolean disabled) throws ChatException {
        UserRecord user = db.tx(c -> {
            UserRecord u = users.findByUsername(c, username).orElseThrow(() -> ChatException.notFound("no such user"));
            users.setDisabled(c, u.id(), disabled);
            if (disabled) {
                sessions.deleteAllForUser(c, u.id());
            }
            return u;
        });
        if (disabled) {
            closer.closeDevices(user.id(), null, "disabled", "this account was disabled by an administrator");
        }
    }

    /** Sets a new password, revoking every session and closing every connection of the account. */
    public void resetPassword(String username, String newPassword) throws ChatException {
        validate.password(newPassword);
        String hash = hasher.hash(newPassword);
        UserRecord user = db.tx(c -> {
            UserRecord u = users.findByUsername(c, username).orElseThrow(() -> ChatException.notFound("no such user"));
            users.updatePassword(c, u.id(), hash);
            sessions.deleteAllForUser(c, u.id());
            return u;
        });
        closer.closeDevices(user.id(), null, "password_reset", "the password was reset by an administrator");
    }
}
