package org.qchat.server.service;

import java.time.Clock;
import java.util.List;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.packet.ConversationSettingsPush;
import org.qchat.protocol.packet.FriendRemarkPush;
import org.qchat.server.db.Database;
import org.qchat.server.route.Router;
import org.qchat.server.state.ChatState;
import org.qchat.server.store.FriendStore;
import org.qchat.server.store.SettingsStore;
import org.qchat.server.store.SettingsStore.ConversationSettings;
import org.qchat.server.store.UserStore;

/**
 * A user's own settings, the same on all their devices: pinned and do-not-disturb conversations,
 * remarks for friends (docs/protocol.md 8.12). Each change is pushed to every online device of the
 * user. Blocks on the database: call it on a worker thread.
 */
public final class SettingsService {

    /** Most conversations one user may pin. */
    public static final int MAX_PINNED = 20;
    /** Longest remark, in code points. */
    public static final int MAX_REMARK = 32;

    private final Database db;
    private final ChatState state;
    private final SettingsStore settings;
    private final FriendStore friends;
    private final UserStore users;
    private final Directory directory;
    private final Router router;
    private final Clock clock;

    public SettingsService(Database db, ChatState state, SettingsStore settings, FriendStore friends, UserStore users,
                           Directory directory, Router router, Clock clock) {
        this.db = db;
        this.state = state;
        this.settings = settings;
        this.friends = friends;
        this.users = users;
        this.directory = directory;
        this.router = router;
        this.clock = clock;
    }

    /** Changes the given settings (null: unchanged) of a conversation the user is or was in. */
    public void setConversation(long userId, long convId, Boolean pinned, Boolean dnd) throws ChatException {
        if (state.conversation(convId) == null) {
            throw ChatException.notFound("no such conversation");
        }
        if (!state.periodsOf(userId).hasAny(convId)) {
            throw ChatException.forbidden("you are not in this conversation");
        }
        long now = clock.millis();
        ConversationSettings after = db.tx(c -> {
            // One change of the user's settings at a time: the pin count stays exact.
            users.lockAll(c, List.of(userId));
            ConversationSettings before = settings.of(c, userId, convId).orElse(ConversationSettings.NONE);
            ConversationSettings next = new ConversationSettings(pinned != null ? pinned : before.pinned(),
                    dnd != null ? dnd : before.dnd());
            if (next.pinned() && !before.pinned() && settings.countPinned(c, userId) >= MAX_PINNED) {
                throw new ChatException(ErrorCode.TOO_LARGE, "at most " + MAX_PINNED + " conversations can be pinned");
            }
            settings.put(c, userId, convId, next, now);
            return next;
        });
        router.sendToUser(userId, new ConversationSettingsPush(convId, after.pinned(), after.dnd()), null);
    }

    /** Sets the user's remark for a friend; blank clears it. */
    public void setRemark(long userId, long friendId, String remark) throws ChatException {
        String trimmed = remark.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_REMARK) {
            throw ChatException.badRequest("remark must be at most " + MAX_REMARK + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw ChatException.badRequest("remark must not contain control characters");
        }
        db.txRun(c -> {
            directory.user(c, friendId);
            if (!friends.areFriends(c, userId, friendId)
                    || !settings.setRemark(c, userId, friendId, trimmed.isEmpty() ? null : trimmed)) {
                throw ChatException.forbidden("not your friend");
            }
        });
        router.sendToUser(userId, new FriendRemarkPush(friendId, trimmed), null);
    }
}
