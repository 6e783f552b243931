package org.qchat.server.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.qchat.server.db.Tx;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.model.UserInfo;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.protocol.packet.UserUpdatedPush;
import org.qchat.server.db.DataAccessException;
import org.qchat.server.db.Database;
import org.qchat.server.limit.AccountThrottles;
import org.qchat.server.limit.AddressRateLimiter;
import org.qchat.server.limit.LoginThrottle;
import org.qchat.server.route.ClientConnection;
import org.qchat.server.route.ConnectionSession.Identity;
import org.qchat.server.route.Router;
import org.qchat.server.store.ConversationRecord;
import org.qchat.server.store.FriendStore;
import org.qchat.server.store.SessionStore;
import org.qchat.server.store.UserRecord;
import org.qchat.server.store.UserStore;

/**
 * Registration, login, token resume, logout, password and profile changes. Hashing and database
 * work block: call from a connection's serial executor.
 *
 * <p>The anonymous requests are throttled by client address ({@link AccountThrottles}): a refused
 * one is answered {@code RATE_LIMITED} at once, before any password is hashed or checked.
 */
public final class AccountService {

    private static final String WRONG_CREDENTIALS = "wrong username or password";

    private final Database db;
    private final UserStore users;
    private final SessionStore sessions;
    private final MessageWriter writer;
    private final FriendStore friends;
    private final PasswordHasher hasher;
    private final TokenGenerator tokens;
    private final InputValidator validate;
    private final PresenceService presence;
    private final Router router;
    private final DeviceCloser closer;
    private final Clock clock;
    private final long tokenIdleMillis;
    private final AccountThrottles throttles;

    public AccountService(Database db, UserStore users, SessionStore sessions, MessageWriter writer,
                          FriendStore friends, PasswordHasher hasher, TokenGenerator tokens, InputValidator validate,
                          PresenceService presence, Router router, Clock clock, long tokenIdleMillis,
                          AccountThrottles throttles, DeviceCloser closer) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.writer = writer;
        this.friends = friends;
        this.hasher = hasher;
        this.tokens = tokens;
        this.validate = validate;
        this.presence = presence;
        this.router = router;
        this.closer = closer;
        this.clock = clock;
        this.tokenIdleMillis = tokenIdleMillis;
        this.throttles = throttles;
    }

    public SessionStarted register(ClientConnection connection, String requestId, int protocol, String username, String password,
                                   String nickname, String device) throws ChatException {
        checkProtocol(protocol);
        validate.username(username);
        validate.password(password);
        // Without a nickname the username stands in, cut to fit however short --max-nickname is.
        String nick = nickname == null
                ? username.codePoints().limit(validate.limits().maxNickname())
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                : nickname;
        validate.nickname(nick);
        validate.device(device);
        String address = connection.remoteHost();
        takeRegistration(address);
        try {
            return createAccount(connection, requestId, protocol, username, password, nick, device);
        } catch (ChatException | RuntimeException e) {
            // Only accounts actually created count against the address.
            throttles.registrations().giveBack(address);
            throw e;
        }
    }

    private SessionStarted createAccount(ClientConnection connection, String requestId, int protocol, String username, String password,
                                         String nick, String device) throws ChatException {
        String hash = hasher.hash(password);
        String dev = device != null ? device : tokens.newDevice();
        String token = tokens.newToken();
        long now = clock.millis();
        UserInfo user;
        long sessionId;
        try {
            // Through the writer: the new user reads announcements from the next one on.
            long[] ids = writer.change(edit -> {
                Tx c = edit.tx();
                if (users.findByUsername(c, username).isPresent()) {
                    throw ChatException.conflict("username taken");
                }
                long userId = users.insert(c, username, nick, hash, now);
                edit.openPeriod(ConversationRecord.SYSTEM_ID, userId);
                return new long[] {userId, sessions.insert(c, userId, TokenGenerator.hash(token), dev, now)};
            });
            user = new UserInfo(ids[0], username, nick, "");
            sessionId = ids[1];
        } catch (DataAccessException e) {
            if (DataAccessException.isUniqueViolation(e)) {
                throw ChatException.conflict("username taken");
            }
            throw e;
        }
        startSession(connection, user, dev, sessionId);
        return new SessionStarted(requestId, token, user, dev, protocol, now);
    }

    public SessionStarted login(ClientConnection connection, String requestId, int protocol, String username, String password,
                                String device) throws ChatException {
        checkProtocol(protocol);
        validate.device(device);
        UserRecord user;
        try (LoginThrottle.Attempt attempt = throttles.logins().begin(username, connection.remoteHost())) {
            if (attempt.refused()) {
                throw rateLimited("too many failed logins; retry in ", attempt.retryAfter());
            }
            Optional<UserRecord> found = db.tx(c -> users.findByUsername(c, username));
            if (found.isEmpty()) {
                hasher.burnDecoy(password);
                attempt.failed();
                throw ChatException.unauthenticated(WRONG_CREDENTIALS);
            }
            user = found.get();
            if (!hasher.matches(password, user.passwordHash())) {
                attempt.failed();
                throw ChatException.unauthenticated(WRONG_CREDENTIALS);
            }
            attempt.succeeded();
        }
        if (user.disabled()) {
            throw ChatException.forbidden("this account is disabled");
        }
        String dev = device != null ? device : tokens.newDevice();
        String token = tokens.newToken();
        long now = clock.millis();
        long sessionId = db.tx(c -> sessions.insert(c, user.id(), TokenGenerator.hash(token), dev, now));
        startSession(connection, user.toInfo(), dev, sessionId);
        return new SessionStarted(requestId, token, user.toInfo(), dev, protocol, now);
    }

    public SessionStarted resume(ClientConnection connection, String requestId, int protocol, String token, String device)
            throws ChatException {
        checkProtocol(protocol);
        validate.device(device);
        long now = clock.millis();
        String tokenHash = TokenGenerator.hash(token);
        SessionStore.SessionRecord session;
        try (LoginThrottle.Attempt attempt = throttles.resumes().begin(null, connection.remoteHost())) {
            if (attempt.refused()) {
                throw rateLimited("too many invalid session tokens; retry in ", attempt.retryAfter());
            }
            Optional<SessionStore.SessionRecord> found = db.tx(c -> sessions.findByTokenHash(c, tokenHash));
            if (found.isEmpty()) {
                attempt.failed();
                throw ChatException.unauthenticated("session token is not valid");
            }
            session = found.get();
            if (now - session.lastUsedAt() > tokenIdleMillis) {
                // Not a guess: the token was real. It is deleted, so it cannot be retried.
                attempt.succeeded();
                db.txRun(c -> sessions.delete(c, session.id()));
                throw ChatException.unauthenticated("session token has expired");
            }
            attempt.succeeded();
        }
        UserRecord user = db.tx(c -> {
            sessions.touch(c, session.id(), now);
            return users.findById(c, session.userId()).orElseThrow();
        });
        if (user.disabled()) {
            throw ChatException.forbidden("this account is disabled");
        }
        startSession(connection, user.toInfo(), session.device(), session.id());
        return new SessionStarted(requestId, token, user.toInfo(), session.device(), protocol, now);
    }

    /** Revokes this connection's token and logs it out; the connection stays open. */
    public void logout(ClientConnection connection) {
        Identity identity = connection.session().identity();
        if (identity == null) {
            return;
        }
        db.txRun(c -> sessions.delete(c, identity.sessionId()));
        presence.detach(connection);
    }

    public void changePassword(ClientConnection connection, Identity me, String oldPassword, String newPassword)
            throws ChatException {
        validate.password(newPassword);
        UserRecord user = db.tx(c -> users.findById(c, me.userId())).orElseThrow();
        if (!hasher.matches(oldPassword, user.passwordHash())) {
            throw ChatException.unauthenticated("wrong password");
        }
        String hash = hasher.hash(newPassword);
        db.txRun(c -> {
            users.updatePassword(c, me.userId(), hash);
            for (long sessionId : sessions.idsForUser(c, me.userId())) {
                if (sessionId != me.sessionId()) {
                    sessions.delete(c, sessionId);
                }
            }
        });
        closer.closeDevices(me.userId(), connection, "password_changed", "the password was changed on another device");
    }

    public UserInfo updateProfile(ClientConnection connection, long userId, String nickname, String signature)
            throws ChatException {
        if (nickname != null) {
            validate.nickname(nickname);
        }
        if (signature != null) {
            validate.signature(signature);
        }
        UserInfo updated = db.tx(c -> {
            UserRecord user = users.findById(c, userId).orElseThrow();
            String nick = nickname != null ? nickname : user.nickname();
            String sig = signature != null ? signature : user.signature();
            users.updateProfile(c, userId, nick, sig);
            return new UserInfo(userId, user.username(), nick, sig);
        });
        List<Long> friendIds = db.tx(c -> friends.friendIds(c, userId));
        UserUpdatedPush push = new UserUpdatedPush(updated);
        router.sendToUsers(friendIds, push, null);
        router.sendToUser(userId, push, connection);
        return updated;
    }

    public List<UserInfo> search(long userId, String query, Integer limit) throws ChatException {
        validate.query(query);
        int n = validate.searchSize(limit);
        return db.tx(c -> users.search(c, query, userId, n)).stream().map(UserRecord::toInfo).toList();
    }

    private void startSession(ClientConnection connection, UserInfo user, String device, long sessionId) {
        presence.attach(connection, new Identity(user.userId(), user.username(), device, sessionId));
    }

    private void takeRegistration(String address) throws ChatException {
        long wait = throttles.registrations().takeOrWait(address);
        if (wait == AddressRateLimiter.NEVER) {
            throw new ChatException(ErrorCode.RATE_LIMITED, "this server accepts no new accounts from clients");
        }
        if (wait > 0) {
            throw rateLimited("too many new accounts from your address; retry in ", Duration.ofNanos(wait));
        }
    }

    /** RATE_LIMITED with the wait in whole seconds, rounded up. */
    private static ChatException rateLimited(String message, Duration wait) {
        long seconds = Math.max(1, wait.plusMillis(999).toSeconds());
        return new ChatException(ErrorCode.RATE_LIMITED, message + seconds + " s");
    }

    private static void checkProtocol(int protocol) throws ChatException {
        if (!ProtocolVersion.isSupported(protocol)) {
            throw new ChatException(ErrorCode.UNSUPPORTED_VERSION, "protocol " + protocol + " is not supported; this server speaks "
                    + ProtocolVersion.MIN_SUPPORTED + " to " + ProtocolVersion.CURRENT);
        }
    }
}
